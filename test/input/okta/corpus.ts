export * from '../../helpers/corpus.js';
