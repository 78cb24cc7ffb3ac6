import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCpuQuota } from '../../../src/input/parallel/cpu-quota.js';
import { roomForWorker } from '../../../src/input/parallel/policy.js';

// Folders laid out as a Linux host's /proc and /sys/fs/cgroup are, for the cgroup layouts containers and systemd use.
const work = mkdtempSync(join(tmpdir(), 'borrowscan-cpu-quota-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let roots = 0;

function machine(files: Record<string, string>): string {
  const root = join(work, `root-${roots++}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The quota read from a machine laid out with these files: its cores, and the CPU time it says the group used. */
function expectQuota(files: Record<string, string>, cores: number, usedMs: number | undefined): void {
  const quota = readCpuQuota(machine(files))!;
  expect(quota.cores).toBe(cores);
  expect(quota.usedMs()).toBe(usedMs);
}

describe('the CPU quota of the process', () => {
  it('reads a container cgroup v2 quota (docker --cpus=1.5) and what the group has used', () => {
    const files = {
      'proc/self/cgroup': '0::/\n',
      'sys/fs/cgroup/cpu.max': '150000 100000\n',
      'sys/fs/cgroup/cpu.stat': 'usage_usec 2500000\nuser_usec 2000000\nsystem_usec 500000\n',
    };
    expectQuota(files, 1.5, 2500);
  });

  it('takes the tightest quota among the group and those above it, with the usage of the group that sets it', () => {
    const files = {
      'proc/self/cgroup': '0::/kubepods.slice/pod1/container2\n',
      'sys/fs/cgroup/cpu.max': 'max 100000\n',
      'sys/fs/cgroup/kubepods.slice/cpu.max': '800000 100000\n',
      'sys/fs/cgroup/kubepods.slice/pod1/cpu.max': '100000 100000\n',
      'sys/fs/cgroup/kubepods.slice/pod1/cpu.stat': 'usage_usec 7000\n',
      'sys/fs/cgroup/kubepods.slice/pod1/container2/cpu.max': 'max 100000\n',
    };
    expectQuota(files, 1, 7);
  });

  it('finds none where no group sets one, where nothing can be read, or in damaged files', () => {
    expect(readCpuQuota(machine({ 'proc/self/cgroup': '0::/\n', 'sys/fs/cgroup/cpu.max': 'max 100000\n' }))).toBeUndefined();
    expect(readCpuQuota(machine({}))).toBeUndefined();
    expect(readCpuQuota(machine({ 'proc/self/cgroup': 'garbage\n\n::\n' }))).toBeUndefined();
    expect(readCpuQuota(machine({ 'proc/self/cgroup': '0::/\n', 'sys/fs/cgroup/cpu.max': '-5 x\n' }))).toBeUndefined();
    expectQuota({ 'proc/self/cgroup': '0::/\n', 'sys/fs/cgroup/cpu.max': '200000 100000' }, 2, undefined);
  });

  it('reads a cgroup v1 quota (cfs_quota_us -1 is none) and cpuacct usage', () => {
    const docker = {
      'proc/self/cgroup': '12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n',
      'sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us': '-1\n',
      'sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us': '100000\n',
      'sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us': '50000\n',
      'sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us': '100000\n',
      'sys/fs/cgroup/cpu,cpuacct/docker/abc/cpuacct.usage': '3000000000\n',
    };
    expectQuota(docker, 0.5, 3000);
    const none = machine({
      'proc/self/cgroup': '4:cpu,cpuacct:/\n',
      'sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us': '-1\n',
      'sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us': '100000\n',
    });
    expect(readCpuQuota(none)).toBeUndefined();
    // cpu and cpuacct mounted apart, each with the group under it.
    const apart = {
      'proc/self/cgroup': '2:cpuacct:/job\n1:cpu:/job\n0::/\n',
      'sys/fs/cgroup/cpu/job/cpu.cfs_quota_us': '200000\n',
      'sys/fs/cgroup/cpu/job/cpu.cfs_period_us': '100000\n',
      'sys/fs/cgroup/cpuacct/job/cpuacct.usage': '1500000\n',
    };
    expectQuota(apart, 2, 1.5);
  });

  it('leaves no room for a worker on one core, or under a quota of less than one and a half cores', () => {
    const quota = (cores: number) => ({ cores, usedMs: () => 0 });
    expect(roomForWorker(1, undefined)).toBe(false);
    expect(roomForWorker(2, undefined)).toBe(true);
    expect(roomForWorker(64, quota(1))).toBe(false);
    expect(roomForWorker(64, quota(1.4))).toBe(false);
    expect(roomForWorker(64, quota(1.5))).toBe(true);
    expect(roomForWorker(1, quota(4))).toBe(false);
  });
});
