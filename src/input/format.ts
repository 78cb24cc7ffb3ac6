import type { NormalizedEvent } from '../model/event.js';

/** How a file's records are laid out, before any format looks at them. */
export type Container = 'json' | 'csv' | 'text';

/** What detection sees of a file: its first records, parsed by the container reader. */
export interface Probe {
  container: Container;
  /** Up to a few first records: parsed JSON values, CSV rows keyed by header, or text lines. */
  records: unknown[];
  /** CSV header cells, as written. */
  header?: string[];
}

/** Where a record starts. One object is reused for every record of a file: copy what you keep. */
export interface RecordContext {
  file: string;
  line: number;
}

/** A record that is readable but not an event this tool can use; the reason is shown to the user. */
export interface Skip {
  skip: string;
}

export type MapResult = NormalizedEvent | Skip;

export function isSkip(r: MapResult): r is Skip {
  return (r as Skip).skip !== undefined;
}

/** Documentation a format gives about itself, for `--help`, the README and reports. */
export interface FormatDocs {
  /** One line: what the format is and which export layouts are read. */
  summary: string;
  /** How detection recognizes it from content. */
  detectedBy: string;
  /** Field paths used for each part of the event model. */
  fields: {
    user: string;
    session: string;
    client: string;
    time: string;
    ip?: string;
    /** Request headers that tell who the client is (Web Bot Auth, MCP, X-Stainless-*, client hints), where read. */
    headers?: string;
    /** What the identity provider or a token says about an agent behind an event, and what each value means. */
    agent?: string;
    /** The vendor's own risk verdicts kept as corroborating evidence. */
    risk?: string;
  };
}

/**
 * How much a format's claim on a file counts, strongest first. The strongest claim wins; between claims of one
 * tier only a preference that a format declares decides (never the order formats are listed in).
 */
export const DETECTION_TIERS = ['declared', 'vendor', 'product', 'layout', 'generic'] as const;
export type DetectionTier = (typeof DETECTION_TIERS)[number];

export const TIER_MEANINGS: Readonly<Record<DetectionTier, string>> = {
  declared: 'the user described the layout (`--log-format`)',
  vendor: "a vendor's own record shape, recognized by fields that vendor writes",
  product: "one product's access log (a load balancer, gateway or proxy), read with more than a generic access log reads",
  layout: 'a standard text layout that many servers write',
  generic: 'any request-shaped record under common field names',
};

export interface FormatDetection {
  tier: DetectionTier;
  /** Formats of the same tier that this one is chosen over when both claim a file, each with the reason. */
  preferredOver?: Readonly<Record<string, string>>;
}

/**
 * One log format: detects itself from content and maps each record to the event model.
 * Adding a format means a folder under src/input/, one line in registry.ts, and fixtures.
 */
export interface LogFormat {
  id: string;
  title: string;
  container: Container;
  detection: FormatDetection;
  /** Whether the probe's records are this format. */
  detect(probe: Probe): boolean;
  /**
   * When a record is an envelope around several records (an Okta event-hook delivery): the records inside, each
   * mapped as a record of its own on the envelope's line, or a skip when it holds none. Undefined for a plain record.
   */
  unwrap?(record: unknown): readonly unknown[] | Skip | undefined;
  map(record: unknown, ctx: RecordContext): MapResult;
  /**
   * Maps one line of one-value-per-line JSON straight from its bytes (UTF-8, without its line end), without parsing
   * it whole; undefined to leave the line to JSON.parse and `map`. Where it gives a result, it must be what `unwrap`
   * and `map` give for JSON.parse of the line (a test holds the two equal on every fixture and corpus line).
   */
  mapLine?(bytes: Buffer, start: number, end: number, ctx: RecordContext): MapResult | undefined;
  docs: FormatDocs;
}
