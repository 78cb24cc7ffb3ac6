export * from '../../helpers/read-file.js';
