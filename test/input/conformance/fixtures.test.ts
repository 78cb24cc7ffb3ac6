import { FIXTURES } from './support/discover.js';
import { describeFiles, expectationsFor } from './support/suite.js';

describeFiles('every fixture', FIXTURES, expectationsFor('fixtures'), { rereads: true });
