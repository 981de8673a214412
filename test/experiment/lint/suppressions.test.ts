import { describe, expect, it } from 'vitest';
import { isSuppressed, parseSuppressions } from '../../../sim/experiment/lint/suppressions.js';

describe('segsim-lint-disable comments', () => {
  it('disable rules for the file, the next line or their own line', () => {
    const s = parseSuppressions(
      [
        '# segsim-lint-disable rule-untested, rule-shadowed',
        'designs:',
        '  # segsim-lint-disable-next-line write-without-approval',
        '  - actions: [s7.write]',
        '    accounts: [v]  # segsim-lint-disable-line shared-account-without-mfa',
      ].join('\n'),
    );
    expect(isSuppressed(s, 'rule-untested', 40)).toBe(true);
    expect(isSuppressed(s, 'rule-shadowed', 1)).toBe(true);
    expect(isSuppressed(s, 'write-without-approval', 4)).toBe(true);
    expect(isSuppressed(s, 'write-without-approval', 5)).toBe(false);
    expect(isSuppressed(s, 'shared-account-without-mfa', 5)).toBe(true);
    expect(isSuppressed(s, 'shared-account-without-mfa', 6)).toBe(false);
    expect(s.unknown).toEqual([]);
  });

  it('without ids disables every rule; a misspelt id is reported where it is written', () => {
    expect(isSuppressed(parseSuppressions('x: 1\n# segsim-lint-disable\n'), 'rule-untested', 9)).toBe(true);
    const s = parseSuppressions('a: 1\n  # segsim-lint-disable-next-line rule-untestd\n');
    expect(s.unknown).toMatchObject([{ rule: 'unknown-lint-rule', line: 2, col: 35 }]);
    expect(s.unknown[0]!.message).toContain('names no rule "rule-untestd"');
  });

  it('ignores text that only looks alike', () => {
    const s = parseSuppressions('name: "no segsim-lint-disable here"\nnote: x#segsim-lint-disable\n');
    expect(s.file).toEqual([]);
    expect(s.lines.size).toBe(0);
  });
});
