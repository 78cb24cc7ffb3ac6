import { CORPUS, haveCorpus } from './support/discover.js';
import { describeFiles, expectationsFor } from './support/suite.js';

if (!haveCorpus) console.warn(`corpus not found at ${CORPUS}: skipping the corpus conformance tests`);

if (haveCorpus) describeFiles('every file of the shared corpus', CORPUS, expectationsFor('corpus'));
