/** A problem with what the user asked for (bad path, flag or config): one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
