import type { ClientClass } from '../model/client.js';

/** A client as one parser sees it, before the classifier adds the operating system and the key. */
export interface ParsedClient {
  class: ClientClass;
  family: string;
  matchedToken?: string;
  source?: string;
}
