import { execFileSync } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadAgentRegistry } from '../../src/config/agents.js';
import { CONFIG_LIMITS } from '../../src/config/limits.js';
import { loadConfig } from '../../src/config/yaml.js';
import { configFile as file, refusal, tempDir as dir } from './config-files.js';

describe('file contents and kinds', () => {
  it('bytes that are not UTF-8 are refused at their line and column', async () => {
    const latin1 = Buffer.concat([Buffer.from('version: 1\nagents:\n  - name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    expect(await refusal(() => loadAgentRegistry(file(latin1)))).toMatch(
      /agents\.yaml:3:14: the agent registry is not UTF-8 text \(byte 0xE9\); save it as UTF-8$/,
    );
    const afterEmoji = Buffer.concat([Buffer.from('a: "😀é'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]);
    expect(await refusal(() => loadAgentRegistry(file(afterEmoji)))).toMatch(/agents\.yaml:1:8: .*\(byte 0xC3\)/);
  });

  it('UTF-16 is refused with what to do; a UTF-8 byte-order mark is fine', async () => {
    expect(await refusal(() => loadAgentRegistry(file(Buffer.from('\ufeffversion: 1\n', 'utf16le'))))).toMatch(
      /agents\.yaml:1:1: the agent registry is UTF-16 text; save it as UTF-8$/,
    );
    expect((await loadAgentRegistry(file('\ufeffversion: 1\n'))).agents).toEqual([]);
  });

  it('a file over 1 MiB is refused before it is parsed; one of exactly 1 MiB loads', async () => {
    const exactly = `version: 1\n#${'x'.repeat(CONFIG_LIMITS.bytes - 13)}\n`;
    expect(Buffer.byteLength(exactly)).toBe(CONFIG_LIMITS.bytes);
    expect((await loadAgentRegistry(file(exactly))).agents).toEqual([]);
    expect(await refusal(() => loadAgentRegistry(file(`${exactly} `)))).toMatch(
      /agents\.yaml: the agent registry is larger than 1 MiB, the most a config file may hold$/,
    );
  });

  it.skipIf(!existsSync('/dev/zero'))('an endless file (/dev/zero) is refused at the limit, in bounded memory', async () => {
    expect(await refusal(() => loadAgentRegistry('/dev/zero'))).toBe(
      '/dev/zero: the agent registry is larger than 1 MiB, the most a config file may hold',
    );
  });

  it('a directory, a missing file, a path through a file', async () => {
    const folder = dir();
    expect(await refusal(() => loadAgentRegistry(folder))).toBe(`cannot read agent registry ${folder}: is a directory`);
    expect(await refusal(() => loadAgentRegistry(join(folder, 'none.yaml')))).toBe(
      `cannot read agent registry ${join(folder, 'none.yaml')}: no such file or directory`,
    );
    const plain = file('version: 1\n');
    expect(await refusal(() => loadAgentRegistry(join(plain, 'x.yaml')))).toMatch(
      /^cannot read agent registry .*x\.yaml: ENOTDIR: not a directory/,
    );
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission (skipped as root, who may read it)', async () => {
    const locked = file('version: 1\n');
    chmodSync(locked, 0o000);
    expect(await refusal(() => loadAgentRegistry(locked))).toBe(`cannot read agent registry ${locked}: permission denied`);
  });

  it.skipIf(!existsSync('/proc/self/mem'))('a file whose read fails after it opened (/proc/self/mem)', async () => {
    expect(await refusal(() => loadAgentRegistry('/proc/self/mem'))).toMatch(/^cannot read agent registry \/proc\/self\/mem: .*EIO/);
  });

  it.skipIf(process.platform === 'win32')('a named pipe is read to its end, as --agents <(...) needs', async () => {
    const fifo = join(dir(), 'agents.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo);
    writer.end('agents:\n  - { name: a, owner: o@example.com, clients: [c1] }\n');
    const loaded = await loadConfig(fifo, z.object({ agents: z.array(z.object({ name: z.string() }).loose()) }), 'agent registry');
    expect(loaded.data.agents.map((a) => a.name)).toEqual(['a']);
  });
});
