import { clip, joinFields, WIDTH } from './log-row';

/**
 * The text columns of waiting log rows, each distinct value kept once as the bytes LOAD DATA
 * reads (escaped UTF-8, `\N` for NULL), and referred to by its entry number: a row in
 * LogRowQueue (log-row-queue.ts) is numbers only. Partner traffic repeats itself (a few keys,
 * operations, user agents and addresses per integration), so a row costs a map lookup per
 * column when recorded, and its line is put together from prepared bytes when the batch is
 * written.
 *
 * A dictionary only grows: once `full`, the queue starts a new one for the rows that follow,
 * and drops this one when its last row has been written. So a flood of distinct values
 * (random user agents) costs memory bounded by the queue's row limit, never a lost row.
 */

/** Entry 0 in every dictionary: NULL. */
export const NULL_ENTRY = 0;
/** Entries per dictionary before the queue starts another (a row adds at most five). */
const MAX_ENTRIES = 4096;
/** Bytes of entries per dictionary before the queue starts another. */
const MAX_BYTES = 1024 * 1024;

const ESCAPES = /[\\\t\n\r\0]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };
/** A column's text as LOAD DATA reads it: escaped, or \N for NULL. */
const escaped = (s: string | null): string => (s === null ? '\\N' : s.replace(ESCAPES, (e) => ESCAPED[e] as string));

interface KeyEntry {
  shopId: string;
  entry: number;
}

interface OperationEntry {
  operationType: string;
  fields: readonly string[];
  text: string;
  entry: number;
}

export class RowDictionary {
  /** Each entry's bytes: created once, when its value is first seen, and copied into every line that has it. */
  private readonly parts: Buffer[] = [];
  private bytes = 0;
  private readonly keys = new Map<string, KeyEntry>();
  private readonly operations = new Map<string | null, OperationEntry>();
  private readonly errorCodes = new Map<string, number>();
  private readonly ips = new Map<string, number>();
  private readonly userAgents = new Map<string, number>();

  constructor() {
    this.add('\\N');
  }

  /** True once another row might not fit; the queue then starts a new dictionary. */
  get full(): boolean {
    return this.parts.length > MAX_ENTRIES - 5 || this.bytes >= MAX_BYTES;
  }

  part(entry: number): Buffer {
    return this.parts[entry] as Buffer;
  }

  /** `api_key_id TAB shop_id`; a hit is checked against the row's shop, never trusted. */
  key(apiKeyId: string, shopId: string): number {
    const hit = this.keys.get(apiKeyId);
    if (hit !== undefined && hit.shopId === shopId) return hit.entry;
    const entry = this.add(`${escaped(apiKeyId)}\t${escaped(shopId)}`);
    this.keys.set(apiKeyId, { shopId, entry });
    return entry;
  }

  /**
   * `operation_name TAB operation_type TAB fields`. The compiled path hands out the same
   * `fields` array every call, so its hit is one comparison; Apollo's path builds a new one
   * each call, so there the text is compared, and a new entry made only when it differs.
   */
  operation(operationName: string | null, operationType: string, fields: readonly string[]): number {
    // Keyed by the clipped name, like the text columns: a long name is not kept whole.
    const name = clip(operationName, WIDTH.operationName);
    const hit = this.operations.get(name);
    if (hit !== undefined && hit.fields === fields && hit.operationType === operationType) return hit.entry;
    const type = clip(operationType, WIDTH.operationType) as string;
    const text = `${escaped(name)}\t${escaped(type)}\t${escaped(joinFields(fields))}`;
    if (hit !== undefined && hit.text === text) {
      hit.fields = fields;
      hit.operationType = operationType;
      return hit.entry;
    }
    const entry = this.add(text);
    this.operations.set(name, { operationType, fields, text, entry });
    return entry;
  }

  errorCode(s: string | null): number {
    return this.text(this.errorCodes, clip(s, WIDTH.errorCode));
  }

  ip(s: string | null): number {
    return this.text(this.ips, clip(s, WIDTH.ip));
  }

  userAgent(s: string | null): number {
    return this.text(this.userAgents, clip(s, WIDTH.userAgent));
  }

  /** Keyed by the clipped text: a dictionary never holds more of a value than its column stores. */
  private text(entries: Map<string, number>, s: string | null): number {
    if (s === null) return NULL_ENTRY;
    const hit = entries.get(s);
    if (hit !== undefined) return hit;
    const entry = this.add(escaped(s));
    entries.set(s, entry);
    return entry;
  }

  private add(text: string): number {
    const part = Buffer.from(text, 'utf8');
    this.bytes += part.length;
    return this.parts.push(part) - 1;
  }
}
