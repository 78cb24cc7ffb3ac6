import { describe, expect, it } from 'vitest';
import { StoredSignIn } from '../../src/engine/stored-sign-in.js';
import { Interner } from '../../src/shared/detach.js';
import { summarize } from '../../src/shared/evidence.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { ev, min } from '../rules/build.js';

describe('StoredSignIn', () => {
  const strings = new Interner();
  const signIn = (over: Partial<NormalizedEvent>) =>
    ev({ kind: 'signin', action: 'user.session.start', interactive: true, ...over, time: min(3) });

  it('reads back exactly the summary of its event, with an IP, without one, and cut at 160 characters', () => {
    for (const event of [
      signIn({ ip: '198.51.100.7' }),
      signIn({ ip: undefined }),
      signIn({ ip: '2001:db8::1', outcome: 'unknown' }),
      signIn({ ip: '198.51.100.7', action: `user.session.start.${'x'.repeat(150)}` }),
      signIn({ ip: undefined, action: `user.session.start.${'y'.repeat(200)}` }),
    ]) {
      const stored = new StoredSignIn(event, strings);
      expect(stored.summary).toBe(summarize(event));
      expect([stored.file, stored.line, stored.time, stored.ip]).toEqual([event.source.file, event.source.line, event.time, event.ip]);
    }
  });

  it('keeps whether the sign-in was interactive', () => {
    expect(new StoredSignIn(signIn({ interactive: true }), strings).interactive).toBe(true);
    expect(new StoredSignIn(signIn({ interactive: undefined }), strings).interactive).toBe(false);
  });
});
