import { describeFsError } from '../shared/fs-error.js';

/** Why a write failed, in words a user reads in one error line. */
export function describeWriteError(err: unknown): string {
  switch ((err as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    case 'EFBIG':
      return 'file too large';
    case 'EIO':
      return 'input/output error';
    case 'EPIPE':
      return 'the reading end of the pipe was closed';
    case 'ENOTDIR':
      return 'a folder in its path is not a folder';
    default:
      return describeFsError(err);
  }
}

/** The reader of a pipe went away (`borrowscan scan ... | head -1`): not an error, the rest is not wanted. */
export function isClosedPipe(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}
