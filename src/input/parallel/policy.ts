import { availableParallelism } from 'node:os';
import { UsageError } from '../../shared/errors.js';
import type { InputFile } from '../open.js';
import type { FormatChoice } from '../select.js';
import { workerAvailable } from './available.js';
import { type CpuQuota, IDLE_CORES_FOR_WORKER, processCpuQuota } from './cpu-quota.js';
import type { SharingHandle } from './index.js';

export type WorkerMode = 'auto' | 'always' | 'never';
export const WORKER_MODES: readonly WorkerMode[] = ['auto', 'always', 'never'];

/** `auto` shares parsing when the input is at least this large (a thread takes a while to start) ... */
const SHARE_MIN_TOTAL_BYTES = 32 * 1024 * 1024;
/** ... and then for each file of at least this size (a few blocks). */
const SHARE_MIN_FILE_BYTES = 4 * 1024 * 1024;
const BLOCK_BYTES = 1024 * 1024;

export interface SharingRequest {
  mode: WorkerMode;
  choice: FormatChoice;
  files: readonly InputFile[];
  totalBytes: number | undefined;
  /** Formats given through the API rather than chosen by id: a thread cannot be sent them. */
  customFormats: boolean;
  /** Bytes per block of lines (tests make it small to cut files into many blocks). */
  blockBytes?: number;
}

/**
 * Whether a worker thread could have a core's share of its own: two cores or more, and a CPU quota (a container's)
 * that grants this thread's core and at least the share a worker needs (`--cpus=1` on a large host grants none).
 */
export function roomForWorker(cores: number, quota: CpuQuota | undefined): boolean {
  return cores >= 2 && (quota === undefined || quota.cores >= 1 + IDLE_CORES_FOR_WORKER);
}

/** How parsing is shared with a worker thread, if it is; `always` says why not when it cannot be. */
export async function sharingFor(request: SharingRequest): Promise<SharingHandle | undefined> {
  const { mode, files, totalBytes } = request;
  if (mode === 'never') return undefined;
  const obstacle = request.customFormats
    ? 'custom formats given through the API cannot be sent to a thread'
    : !workerAvailable()
      ? 'the worker script is missing (run the built package, not the sources)'
      : undefined;
  if (obstacle) {
    if (mode === 'always') throw new UsageError(`--worker always: cannot share parsing with a worker thread: ${obstacle}`);
    return undefined;
  }
  // The size first: the quota is read from a few files, which a small scan (the demo) need not open.
  if (mode === 'auto' && ((totalBytes ?? 0) < SHARE_MIN_TOTAL_BYTES || !roomForWorker(availableParallelism(), processCpuQuota()))) {
    return undefined;
  }
  const { createSharing } = await import('./index.js');
  const minBytes = mode === 'always' ? 0 : SHARE_MIN_FILE_BYTES;
  const sharing = createSharing(request.choice, minBytes, request.blockBytes ?? BLOCK_BYTES, mode === 'auto');
  // `always`: start the thread now, while this one opens the first files (it takes a while to load its modules).
  // `auto` starts it once it first sends a block, which it does only on a machine with a core idle (share-policy.ts).
  if (mode === 'always' && files.some((f) => f.path !== '-' && (f.size ?? 0) >= minBytes)) sharing.helper();
  return sharing;
}
