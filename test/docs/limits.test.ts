// docs/limits.md states the bounds the code enforces: every range and budget as the code prints it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_FORCED_WORKERS } from '../../sim/cli/bounds.js';
import { KERNEL_BUDGET, MAX_DRAW } from '../../sim/kernel/index.js';
import { describeRange, formatLimit, LIMITS } from '../../sim/model/limits.js';

const doc = readFileSync(new URL('../../docs/limits.md', import.meta.url), 'utf8');

describe('docs/limits.md', () => {
  it('names every scenario and command-line range as the messages print it', () => {
    const documented = Object.entries(LIMITS).filter(([name]) => name !== 'eventsPerRun' && name !== 'importBytes');
    for (const [name, limit] of documented) expect(doc, name).toContain(describeRange(limit));
  });

  it('names the budgets and caps', () => {
    expect(doc).toContain(`${KERNEL_BUDGET.events.toLocaleString('en')} events`);
    expect(doc).toContain(`past ${KERNEL_BUDGET.hours} h`);
    expect(doc).toContain(`clamped to ${formatLimit(MAX_DRAW)} h`);
    expect(doc).toContain(`up to ${MAX_FORCED_WORKERS}`);
    expect(doc).toContain(`${LIMITS.importBytes.max} bytes`);
  });
});
