/** What went wrong with a file, in words a user reads in one error line. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
      return `gzip data is corrupt or truncated (${err instanceof Error ? err.message : String(err)})`;
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
