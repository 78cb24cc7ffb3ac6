export * from '../../helpers/read-file.js';
export { CORPUS, haveCorpus, corpusFiles, corpusFilesOutside, jsonRecordCount } from '../../helpers/corpus.js';
