/** Default file names and package paths, apart from their loaders so that the CLI can name them without loading those. */
export const DEFAULT_AGENTS_FILE = 'agents.yaml';
export const DEFAULT_IGNORE_FILE = '.borrowscan-ignore.yaml';
/** Where the committed JSON Schema of the agent registry lives, relative to the package root. */
export const AGENTS_SCHEMA_PATH = 'schemas/agents.schema.json';
