import { describe, expect, it } from 'vitest';
import type { LocatedFinding } from '../../sim/experiment/lint/catalog.js';
import { renderGithubAnnotations, renderLintText } from '../../sim/report/lintText.js';

const finding = (over: Partial<LocatedFinding>): LocatedFinding => ({
  rule: 'rule-untested',
  severity: 'warning',
  file: 'a.yaml',
  line: 3,
  col: 5,
  path: ['designs', 0, 'id'],
  message: 'm',
  ...over,
});

describe('lint text and GitHub annotations', () => {
  it('escapes what the workflow-command format reserves', () => {
    const out = renderGithubAnnotations([
      finding({ file: 'plants/a,b:c.yaml', message: '100% sure\nsecond line', severity: 'note' }),
    ]);
    expect(out).toBe(
      '::notice file=plants/a%2Cb%3Ac.yaml,line=3,col=5,title=segsim lint rule-untested::100%25 sure%0Asecond line\n',
    );
  });

  it('prints one line per finding and a count', () => {
    expect(renderLintText([finding({}), finding({ severity: 'error', rule: 'write-without-approval' })], 2)).toBe(
      'a.yaml:3:5  warning  designs[0].id  m  [rule-untested]\n' +
        'a.yaml:3:5  error    designs[0].id  m  [write-without-approval]\n' +
        '\n' +
        'lint: 1 error, 1 warning, 0 notes in 2 files\n',
    );
  });
});
