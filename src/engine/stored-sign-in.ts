import type { NormalizedEvent } from '../model/event.js';
import type { ClientUsage } from '../model/session.js';
import { fitsWhole, summarize, summaryFrom, summaryOfAction } from '../shared/evidence.js';
import type { Interner } from '../shared/detach.js';

/**
 * A client's earliest sign-in as the store keeps it: its summary as two parts where joining them cuts nothing off,
 * what the event did (`user.session.start (success)`, shared by every sign-in) and its IP (which it keeps anyway),
 * joined when read, as the evidence pool keeps its items. A summary of its own cost 64 bytes per sign-in client.
 */
export class StoredSignIn implements NonNullable<ClientUsage['signIn']> {
  readonly file: string;
  readonly line: number;
  readonly time: number;
  readonly interactive: boolean;
  readonly ip: string | undefined;
  /** The action part, or the whole summary where `joined` is false. */
  private readonly part: string;
  private readonly joined: boolean;

  constructor(event: NormalizedEvent, strings: Interner) {
    this.file = event.source.file;
    this.line = event.source.line;
    this.time = event.time;
    this.interactive = event.interactive === true;
    this.ip = event.ip === undefined ? undefined : strings.intern(event.ip);
    const action = summaryOfAction(event);
    this.joined = fitsWhole(action, this.ip);
    this.part = this.joined ? strings.intern(action) : summarize(event);
  }

  get summary(): string {
    return this.joined ? summaryFrom(this.part, this.ip) : this.part;
  }
}
