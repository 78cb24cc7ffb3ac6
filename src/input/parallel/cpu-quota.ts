import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The idle share of a core, over the epochs read alone, below which the worker is not used (share-policy.ts); and so
 * the least a quota must grant beyond this thread's core (policy.ts). Here, where both read it, so that the check a
 * scan makes before it starts does not load the policy.
 */
export const IDLE_CORES_FOR_WORKER = 0.5;

/**
 * The CPU quota of the control group this process runs in (a container's `--cpus`, a Kubernetes CPU limit, a systemd
 * unit's CPUQuota). Node 20's `availableParallelism()` and `os.cpus()` see the host's cores, so on a 64-core host a
 * container held to one core looks like it has 63 idle: a worker thread there only takes time from this one.
 */
export interface CpuQuota {
  /** Cores' worth of CPU time the group may use (1.5 for `--cpus=1.5`). */
  cores: number;
  /** CPU time the group's processes have used so far, in ms; undefined where it cannot be read. */
  usedMs(): number | undefined;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
}

/** The folder and each one above it, up to and with `top`. */
function upTo(dir: string, top: string): string[] {
  const out: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    out.push(at);
    if (at === top || !at.startsWith(`${top}/`)) return out;
  }
}

/** `max 100000` (no quota) or `150000 100000` (1.5 cores): cgroup v2's cpu.max. */
function coresOfCpuMax(text: string | undefined): number | undefined {
  const [quota, period] = (text ?? '').trim().split(/\s+/);
  const q = Number(quota);
  const p = Number(period);
  return Number.isFinite(q) && q > 0 && p > 0 ? q / p : undefined;
}

/** `usage_usec 123` in cgroup v2's cpu.stat, in ms. */
function usageOfCpuStat(text: string | undefined): number | undefined {
  for (const line of (text ?? '').split('\n')) {
    if (line.startsWith('usage_usec ')) {
      const us = Number(line.slice('usage_usec '.length));
      return Number.isFinite(us) ? us / 1000 : undefined;
    }
  }
  return undefined;
}

/** The tightest quota among a group and the groups above it, with the folder of the group that sets it. */
function tightest(dirs: readonly string[], coresIn: (dir: string) => number | undefined): { cores: number; dir: string } | undefined {
  let best: { cores: number; dir: string } | undefined;
  for (const dir of dirs) {
    const cores = coresIn(dir);
    if (cores !== undefined && (best === undefined || cores < best.cores)) best = { cores, dir };
  }
  return best;
}

function cgroupV2(root: string, path: string): CpuQuota | undefined {
  const mount = join(root, 'sys/fs/cgroup');
  const found = tightest(upTo(join(mount, path), mount), (dir) => coresOfCpuMax(readText(join(dir, 'cpu.max'))));
  if (found === undefined) return undefined;
  const stat = join(found.dir, 'cpu.stat');
  return { cores: found.cores, usedMs: () => usageOfCpuStat(readText(stat)) };
}

function cgroupV1(root: string, path: string): CpuQuota | undefined {
  for (const controllers of ['cpu,cpuacct', 'cpu']) {
    const mount = join(root, 'sys/fs/cgroup', controllers);
    const found = tightest(upTo(join(mount, path), mount), (dir) => {
      const quota = Number(readText(join(dir, 'cpu.cfs_quota_us')));
      const period = Number(readText(join(dir, 'cpu.cfs_period_us')));
      return Number.isFinite(quota) && quota > 0 && period > 0 ? quota / period : undefined;
    });
    if (found === undefined) continue;
    // cpuacct is mounted with cpu (`cpu,cpuacct`) or on its own, with the same groups under it.
    const group = found.dir.slice(mount.length);
    const usage = [join(found.dir, 'cpuacct.usage'), join(root, 'sys/fs/cgroup/cpuacct', group, 'cpuacct.usage')].find(
      (path) => readText(path) !== undefined,
    );
    return {
      cores: found.cores,
      usedMs: () => {
        const text = usage === undefined ? undefined : readText(usage);
        const ns = Number(text);
        return text === undefined || !Number.isFinite(ns) ? undefined : ns / 1e6;
      },
    };
  }
  return undefined;
}

/**
 * The quota of this process's control group, from `/proc/self/cgroup` and the cgroup file system under `root`
 * (`/`; tests give a folder laid out the same way). Undefined where there is none, or none can be read (not Linux).
 */
export function readCpuQuota(root = '/'): CpuQuota | undefined {
  const membership = readText(join(root, 'proc/self/cgroup'));
  if (membership === undefined) return undefined;
  for (const line of membership.split('\n')) {
    // `0::/path` (v2), `4:cpu,cpuacct:/path` (v1).
    const first = line.indexOf(':');
    const second = line.indexOf(':', first + 1);
    if (first < 0 || second < 0) continue;
    const controllers = line.slice(first + 1, second);
    const path = line.slice(second + 1).trim() || '/';
    if (controllers === '') {
      const quota = cgroupV2(root, path);
      if (quota !== undefined) return quota;
    } else if (controllers.split(',').includes('cpu')) {
      const quota = cgroupV1(root, path);
      if (quota !== undefined) return quota;
    }
  }
  return undefined;
}

let cached: { quota: CpuQuota | undefined } | undefined;

/** This process's quota, read once. */
export function processCpuQuota(): CpuQuota | undefined {
  cached ??= { quota: readCpuQuota() };
  return cached.quota;
}
