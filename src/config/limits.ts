/**
 * How much a config file (agent registry, ignore file) may hold. Config files are attacker-controlled: a pull request
 * can edit them, so each limit keeps a hostile file from hanging or exhausting a CI run, and stops with one clear
 * error instead. README ("Limits") states them.
 */
export const CONFIG_LIMITS = {
  /** Largest file, in bytes: 1 MiB, some 3,000 declared agents. The YAML parser needs about 2 s of CPU per MiB of
   * ordinary YAML, and up to 5 s and 700 MB for hostile shapes (a value per two bytes). */
  bytes: 1024 * 1024,
  /** Deepest nesting of collections: a registry needs 7; the YAML parser recurses and would overflow its stack. */
  depth: 64,
  /** Most aliases (`*name`) in a file: the YAML library resolves each by a scan of the anchors before it. */
  aliases: 1000,
  /** Most values aliases may add when expanded (each alias counts every value under its anchor): stops alias bombs. */
  aliasExpansion: 100_000,
  /** Problems of an invalid file listed in the error; the rest are counted. */
  listedProblems: 20,
  /** Longest problem message, in characters; longer ones (a huge value quoted back) are cut. */
  messageLength: 300,
} as const;

/** `1 MiB`: how README and messages write a byte limit. */
export function describeBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes.toLocaleString('en')} bytes`;
}
