import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonicalJson.js';

export type AuditEvent = { type: string } & Record<string, unknown>;

/** One link of the chain; `seq` starts at 1 so it equals the record's line in the JSONL file. */
export interface AuditRecord {
  seq: number;
  time: number;
  event: AuditEvent;
  prev: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export type AuditProblem = 'malformed' | 'hash-mismatch' | 'broken-link' | 'sequence' | 'time-order';

export type AuditVerification =
  | { ok: true; records: number; head: string }
  | { ok: false; line: number; seq: number | null; problem: AuditProblem; message: string };

/**
 * The chain proves that no record was altered, removed, inserted or moved, but
 * dropping whole records from the end leaves a shorter valid chain. Only an
 * anchor kept elsewhere (the head hash published to a ticket, a SIEM, a peer
 * log) detects that, so callers holding one pass it here.
 */
export interface AuditVerifyOptions {
  expectedHead?: string;
  expectedRecords?: number;
}

/** Misuse of `AuditLog.append`; the log is left unchanged. */
export class AuditAppendError extends Error {
  override name = 'AuditAppendError';
  constructor(
    readonly code: 'invalid-time' | 'time-order' | 'invalid-event',
    message: string,
  ) {
    super(message);
  }
}

function recordHash(seq: number, time: number, event: AuditEvent, prev: string): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ seq, time, event, prev }))));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Append-only, hash-chained log of PDP decisions and session events. */
export class AuditLog {
  readonly #records: AuditRecord[] = [];

  append(time: number, event: AuditEvent): AuditRecord {
    if (!Number.isFinite(time)) throw new AuditAppendError('invalid-time', `time must be a finite number, got ${time}`);
    const last = this.#records.at(-1);
    if (last && time < last.time) {
      throw new AuditAppendError('time-order', `time ${time} is earlier than the last record's time ${last.time}`);
    }
    if (typeof event?.type !== 'string') throw new AuditAppendError('invalid-event', 'event needs a string "type"');
    let snapshot: AuditEvent;
    try {
      // Store exactly what is hashed, detached from the caller's object, so the
      // in-memory record can neither drift from its hash nor be mutated later.
      snapshot = JSON.parse(canonicalJson(event)) as AuditEvent;
    } catch (error) {
      throw new AuditAppendError('invalid-event', `event is not JSON-serializable: ${(error as Error).message}`);
    }
    const seq = this.#records.length + 1;
    const prev = this.head;
    const record = deepFreeze({ seq, time, event: snapshot, prev, hash: recordHash(seq, time, snapshot, prev) });
    this.#records.push(record);
    return record;
  }

  get records(): readonly AuditRecord[] {
    return this.#records;
  }

  get head(): string {
    return this.#records.at(-1)?.hash ?? GENESIS_HASH;
  }

  toJsonLines(): string {
    return this.#records.map((record) => `${canonicalJson(record)}\n`).join('');
  }
}

const HEX64 = /^[0-9a-f]{64}$/;
const RECORD_KEYS = 'event,hash,prev,seq,time';
const short = (hash: string): string => hash.slice(0, 12);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record on a line, or why it is not one. */
function parseLine(line: string, terminated: boolean): AuditRecord | string {
  if (!terminated) return 'last line has no trailing newline (truncated write?)';
  if (line === '') return 'empty line';
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  if (!isObject(value)) return 'record is not a JSON object';
  const keys = Object.keys(value).sort().join(',');
  if (keys !== RECORD_KEYS) return `record keys are {${keys}}, expected {${RECORD_KEYS}}`;
  const { seq, time, event, prev, hash } = value;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return 'seq is not a positive integer';
  if (typeof time !== 'number' || !Number.isFinite(time)) return 'time is not a finite number';
  if (!isObject(event) || typeof event.type !== 'string') return 'event is not an object with a string "type"';
  if (typeof prev !== 'string' || !HEX64.test(prev)) return 'prev is not 64 lowercase hex digits';
  if (typeof hash !== 'string' || !HEX64.test(hash)) return 'hash is not 64 lowercase hex digits';
  // Parsing forgives spacing, escapes, key order and number spelling; the
  // canonical form does not, so no byte can change without being noticed.
  let canonical: string | undefined;
  try {
    canonical = canonicalJson(value);
  } catch {
    // e.g. 1e400 parses to Infinity, which JSON cannot carry back out
  }
  if (canonical !== line) return 'record is not in canonical JSON form (RFC 8785)';
  return value as unknown as AuditRecord;
}

/** Checks a JSONL audit log and reports the first bad record by 1-based line; see AuditVerifyOptions for tail truncation. */
export function verifyAuditLog(jsonLines: string, options: AuditVerifyOptions = {}): AuditVerification {
  const lines = jsonLines.split('\n');
  const terminated = lines.at(-1) === '';
  if (terminated) lines.pop();
  const fail = (line: number, seq: number | null, problem: AuditProblem, message: string): AuditVerification => ({
    ok: false,
    line,
    seq,
    problem,
    message,
  });

  const hashes: string[] = [];
  let last: AuditRecord | undefined;
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    const record = parseLine(text, terminated || line < lines.length);
    if (typeof record === 'string') return fail(line, null, 'malformed', `malformed record: ${record}`);
    const { seq, time, event, hash } = record;
    const computed = recordHash(seq, time, event, record.prev);
    if (computed !== hash) {
      return fail(
        line,
        seq,
        'hash-mismatch',
        `record seq ${seq} was altered: stored hash ${short(hash)}…, content hashes to ${short(computed)}…`,
      );
    }
    if (seq !== line) {
      return fail(
        line,
        seq,
        'sequence',
        `expected seq ${line}, found seq ${seq}: a record is missing, duplicated or out of order`,
      );
    }
    const expectedPrev = last?.hash ?? GENESIS_HASH;
    if (record.prev !== expectedPrev) {
      return fail(
        line,
        seq,
        'broken-link',
        `record seq ${seq} links to ${short(record.prev)}…, but the record before it hashes to ${short(expectedPrev)}…`,
      );
    }
    if (last && time < last.time) {
      return fail(
        line,
        seq,
        'time-order',
        `record seq ${seq} has time ${time}, earlier than ${last.time} of the record before it`,
      );
    }
    hashes.push(hash);
    last = record;
  }

  const head = last?.hash ?? GENESIS_HASH;
  const count = hashes.length;
  const { expectedRecords, expectedHead } = options;
  if (expectedRecords !== undefined && count !== expectedRecords) {
    return count < expectedRecords
      ? fail(
          count + 1,
          null,
          'sequence',
          `log ends after ${count} records, expected ${expectedRecords}: the tail was truncated`,
        )
      : fail(
          expectedRecords + 1,
          expectedRecords + 1,
          'sequence',
          `log has ${count} records, expected ${expectedRecords}`,
        );
  }
  if (expectedHead !== undefined && head !== expectedHead) {
    const anchored = [GENESIS_HASH, ...hashes].indexOf(expectedHead);
    return anchored >= 0
      ? fail(
          anchored + 1,
          anchored + 1,
          'sequence',
          `expected head is ${anchored === 0 ? 'the genesis hash' : `record seq ${anchored}`}, but ${count - anchored} more records follow it`,
        )
      : fail(
          count + 1,
          null,
          'broken-link',
          `head ${short(head)}… after ${count} records is not the expected ${short(expectedHead)}…: the tail was truncated or the log rewritten`,
        );
  }
  return { ok: true, records: count, head };
}
