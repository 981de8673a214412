import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditAppendError, AuditLog, GENESIS_HASH, verifyAuditLog, type AuditEvent } from '../../sim/policy/audit.js';
import { canonicalJson } from '../../sim/policy/canonicalJson.js';

function sampleLog(): AuditLog {
  const log = new AuditLog();
  log.append(0, { type: 'session.open', session: 's1', subject: 'alice', device: 'laptop-7' });
  log.append(12.5, {
    type: 'policy.decision',
    effect: 'allow',
    ruleId: 'oem-read',
    action: 'modbus.read',
    asset: 'plc-l1',
  });
  log.append(12.5, { type: 'policy.decision', effect: 'deny', reasons: [{ rule: 'oem-write', condition: 'mfa' }] });
  log.append(40, { type: 'session.close', session: 's1', cause: 'ttl' });
  return log;
}

const lines = (text: string): string[] => text.split('\n').slice(0, -1);
const unlines = (list: readonly string[]): string => list.map((line) => `${line}\n`).join('');
const firstDifference = (a: readonly string[], b: readonly string[]): number => {
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index++;
  return index + 1;
};

// A record whose hash is right but whose place in the chain we choose freely.
function forge(seq: number, time: number, event: AuditEvent, prev: string): string {
  const hash = bytesToHex(sha256(utf8ToBytes(canonicalJson({ seq, time, event, prev }))));
  return canonicalJson({ seq, time, event, prev, hash });
}

describe('AuditLog', () => {
  it('chains records from the genesis hash and round-trips through JSON Lines', () => {
    const log = sampleLog();
    const [first, second] = log.records;
    expect(first?.prev).toBe(GENESIS_HASH);
    expect(second?.prev).toBe(first?.hash);
    expect(log.records.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    const text = log.toJsonLines();
    expect(text.endsWith('}\n')).toBe(true);
    expect(verifyAuditLog(text)).toEqual({ ok: true, records: 4, head: log.head });
    expect(lines(text).map((line) => JSON.parse(line))).toEqual(log.records);
  });

  it('hashes sha256 of the canonical JSON of {seq, time, event, prev}', () => {
    const log = new AuditLog();
    const record = log.append(3, { type: 'x', b: [1, 'é'], a: { d: 2, c: 1 } });
    const preimage = `{"event":{"a":{"c":1,"d":2},"b":[1,"é"],"type":"x"},"prev":"${GENESIS_HASH}","seq":1,"time":3}`;
    expect(record.hash).toBe(bytesToHex(sha256(utf8ToBytes(preimage))));
    expect(sampleLog().head).toMatchInlineSnapshot(
      `"ec89a4a01a10434d3beda32398f71b3196c5768b053a5633555d4a8ce9f845c6"`,
    );
  });

  it('is independent of key order in events', () => {
    const a = new AuditLog();
    const b = new AuditLog();
    a.append(1, { type: 'policy.decision', effect: 'allow', asset: 'plc-1', obligations: { ttl: 60, record: true } });
    b.append(1, { obligations: { record: true, ttl: 60 }, asset: 'plc-1', effect: 'allow', type: 'policy.decision' });
    expect(b.head).toBe(a.head);
    expect(b.toJsonLines()).toBe(a.toJsonLines());
  });

  it('stores a frozen snapshot, so later changes to the caller object do not reach the log', () => {
    const log = new AuditLog();
    const event = { type: 'policy.decision', reasons: ['mfa'] };
    const record = log.append(0, event);
    event.reasons.push('posture');
    expect(record.event).toEqual({ type: 'policy.decision', reasons: ['mfa'] });
    expect(Object.isFrozen(record.event.reasons)).toBe(true);
    expect(verifyAuditLog(log.toJsonLines()).ok).toBe(true);
  });

  it('refuses time travel and events JSON cannot carry, leaving the log unchanged', () => {
    const log = sampleLog();
    const head = log.head;
    const code = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (error) {
        return error instanceof AuditAppendError ? error.code : 'other';
      }
      return undefined;
    };
    expect(code(() => log.append(39, { type: 'late' }))).toBe('time-order');
    expect(code(() => log.append(Number.NaN, { type: 'x' }))).toBe('invalid-time');
    expect(code(() => log.append(50, { type: 'x', n: 10n }))).toBe('invalid-event');
    expect(code(() => log.append(50, { type: 'x', n: Number.POSITIVE_INFINITY }))).toBe('invalid-event');
    expect(code(() => log.append(50, { kind: 'x' } as unknown as AuditEvent))).toBe('invalid-event');
    expect(log.head).toBe(head);
    expect(log.records).toHaveLength(4);
  });

  it('renders an empty log as empty text that verifies to the genesis hash', () => {
    expect(new AuditLog().toJsonLines()).toBe('');
    expect(verifyAuditLog('')).toEqual({ ok: true, records: 0, head: GENESIS_HASH });
  });
});

describe('verifyAuditLog', () => {
  const text = sampleLog().toJsonLines();
  const original = lines(text);

  it('rejects a missing trailing newline and a record cut mid-line', () => {
    expect(verifyAuditLog(text.slice(0, -1))).toMatchObject({ ok: false, line: 4, problem: 'malformed' });
    expect(verifyAuditLog(text.slice(0, -20))).toMatchObject({ ok: false, line: 4, problem: 'malformed' });
  });

  it('rejects empty lines, CRLF, non-canonical spelling and extra keys', () => {
    const variants: [string, number][] = [
      [unlines([original[0]!, '', ...original.slice(1)]), 2],
      [text.replace(/\n/g, '\r\n'), 1],
      [unlines([original[0]!, JSON.stringify(JSON.parse(original[1]!), null, 1).replace(/\n/g, '')]), 2],
      [unlines([original[0]!, original[1]!.replace('{', '{"note":1,')]), 2],
      [unlines(['[]', ...original]), 1],
    ];
    // Single-byte edits that JSON.parse cannot see; only the canonical form can.
    const log = new AuditLog();
    log.append(0, { type: 'x', big: 1e21, control: '\u001f' });
    const written = log.toJsonLines();
    variants.push([written.replace('1e+21', '1E+21'), 1], [written.replace('\\u001f', '\\u001F'), 1]);
    for (const [variant, line] of variants) {
      expect(verifyAuditLog(variant)).toMatchObject({ ok: false, line, problem: 'malformed', seq: null });
    }
  });

  it('reports the problem kinds with the offending seq', () => {
    const [r1, r2, r3] = original as [string, string, string];
    expect(verifyAuditLog(unlines([r1, r3]))).toMatchObject({ line: 2, seq: 3, problem: 'sequence' });
    expect(verifyAuditLog(unlines([r1, r2.replace('12.5', '12.6')]))).toMatchObject({
      line: 2,
      seq: 2,
      problem: 'hash-mismatch',
    });
    const forked = forge(2, 20, { type: 'x' }, 'f'.repeat(64));
    expect(verifyAuditLog(unlines([r1, forked]))).toMatchObject({ line: 2, seq: 2, problem: 'broken-link' });
    const head = JSON.parse(r1).hash as string;
    const backwards = forge(2, -1, { type: 'x' }, head);
    expect(verifyAuditLog(unlines([r1, backwards]))).toMatchObject({ line: 2, seq: 2, problem: 'time-order' });
  });

  it('explains a sequence gap in plain words', () => {
    const result = verifyAuditLog(unlines([original[0]!, original[2]!]));
    expect(result.ok ? '' : result.message).toMatchInlineSnapshot(
      `"expected seq 2, found seq 3: a record is missing, duplicated or out of order"`,
    );
  });

  it('cannot see a truncated tail without an anchor, and can with one', () => {
    const head = sampleLog().head;
    const truncated = unlines(original.slice(0, 2));
    expect(verifyAuditLog(truncated).ok).toBe(true);
    expect(verifyAuditLog(truncated, { expectedHead: head })).toMatchObject({
      ok: false,
      line: 3,
      seq: null,
      problem: 'broken-link',
    });
    expect(verifyAuditLog(truncated, { expectedRecords: 4 })).toMatchObject({
      ok: false,
      line: 3,
      problem: 'sequence',
    });
    expect(verifyAuditLog(text, { expectedHead: head, expectedRecords: 4 }).ok).toBe(true);
    const anchorOfTwo = JSON.parse(original[1]!).hash as string;
    expect(verifyAuditLog(text, { expectedHead: anchorOfTwo })).toMatchObject({
      ok: false,
      line: 3,
      seq: 3,
      problem: 'sequence',
    });
  });
});

describe('verifyAuditLog properties', () => {
  const event = fc
    .record({
      type: fc.constantFrom('policy.decision', 'session.open', 'session.close', 'policy.signal'),
      payload: fc.dictionary(
        fc.string({ unit: 'binary', maxLength: 8 }),
        fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' }),
        { maxKeys: 4 },
      ),
    })
    .map(({ type, payload }): AuditEvent => ({ ...payload, type }));
  const auditLog = fc
    .array(fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), event), { minLength: 1, maxLength: 50 })
    .map((entries) => {
      const log = new AuditLog();
      const times = entries.map(([time]) => time).sort((a, b) => a - b);
      entries.forEach(([, e], index) => log.append(times[index]!, e));
      return log;
    });

  it('verifies every untouched log', () => {
    fc.assert(
      fc.property(auditLog, (log) => {
        expect(
          verifyAuditLog(log.toJsonLines(), { expectedHead: log.head, expectedRecords: log.records.length }),
        ).toEqual({
          ok: true,
          records: log.records.length,
          head: log.head,
        });
      }),
    );
  });

  it('detects and locates any single-byte change', () => {
    fc.assert(
      fc.property(auditLog, fc.nat(), fc.integer({ min: 1, max: 255 }), (log, at, flip) => {
        const text = log.toJsonLines();
        const bytes = utf8ToBytes(text);
        const index = at % bytes.length;
        bytes[index]! ^= flip;
        const mutated = new TextDecoder().decode(bytes);
        fc.pre(mutated !== text);
        const line = bytes.subarray(0, index).filter((byte) => byte === 0x0a).length + 1;
        const result = verifyAuditLog(mutated);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(['malformed', 'hash-mismatch']).toContain(result.problem);
        expect([line, line + 1]).toContain(result.line);
      }),
    );
  });

  const edited = (edit: (records: string[], n: number, i: number, j: number) => string[] | undefined) =>
    fc.property(auditLog, fc.nat(), fc.nat(), (log, a, b) => {
      const original = lines(log.toJsonLines());
      const changed = edit([...original], original.length, a % original.length, b % (original.length + 1));
      fc.pre(changed !== undefined);
      const result = verifyAuditLog(unlines(changed!), { expectedHead: log.head });
      expect(result).toMatchObject({ ok: false, line: firstDifference(original, changed!) });
    });

  it('detects a deleted record at its place, including the last one given the anchor', () => {
    fc.assert(edited((records, _n, i) => (records.splice(i, 1), records)));
  });

  it('detects two swapped records at the first of them', () => {
    fc.assert(
      edited((records, n, i, j) => {
        if (j >= n || i === j) return undefined;
        [records[i], records[j]] = [records[j]!, records[i]!];
        return records;
      }),
    );
  });

  it('detects a duplicated record wherever it is inserted', () => {
    fc.assert(edited((records, _n, i, j) => (records.splice(j, 0, records[i]!), records)));
  });
});
