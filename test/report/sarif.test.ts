// The SARIF log of `segsim lint` against the official SARIF 2.1.0 JSON Schema (draft-04), shipped
// as test/fixtures/sarif/sarif-schema-2.1.0.json (OASIS 2.1.0 rtm.5, from @microsoft/jest-sarif, MIT).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { registerLint } from '../../sim/cli/commands/lint.js';
import { renderSarif } from '../../sim/report/sarif.js';
import { runCommand } from '../helpers/inProcessCli.js';

const schema = JSON.parse(readFileSync('test/fixtures/sarif/sarif-schema-2.1.0.json', 'utf8'));
// The schema's `language` pattern has a stray "]" that is a syntax error under the u flag.
// CommonJS modules: module.exports is the export itself and carries it again as .default.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);
const dir = mkdtempSync(join(tmpdir(), 'segsim-sarif-'));

describe('segsim lint --sarif', () => {
  it('writes a log the SARIF 2.1.0 schema accepts, with every finding located', async () => {
    const file = join(dir, 'planted.sarif');
    const r = await runCommand(registerLint, ['lint', 'test/fixtures/lint/planted.yaml', '--sarif', file]);
    expect(r.code).toBe(1);
    const log = JSON.parse(readFileSync(file, 'utf8'));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0].results as {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[];
    }[];
    expect(results).toHaveLength(9);
    const shared = results.find((x) => x.ruleId === 'shared-account-without-mfa')!;
    expect(shared.level).toBe('error');
    expect(log.runs[0].tool.driver.rules[shared.ruleIndex].id).toBe('shared-account-without-mfa');
    expect(shared.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'test/fixtures/lint/planted.yaml' },
      region: { startLine: 47, startColumn: 18 },
    });
  });

  it('accepts an empty log and a file whose name needs escaping', () => {
    expect(validate(JSON.parse(renderSarif([], '0.1.0')))).toBe(true);
    const log = JSON.parse(
      renderSarif(
        [
          {
            rule: 'rule-untested',
            severity: 'warning',
            file: 'my plants/a#1.yaml',
            line: 3,
            col: 5,
            path: [],
            message: 'm',
          },
        ],
        '0.1.0',
      ),
    );
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20plants/a%231.yaml');
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('writes no file when a scenario is invalid', async () => {
    const file = join(dir, 'bad.sarif');
    const r = await runCommand(registerLint, ['lint', 'test/fixtures/lint/missing.yaml', '--sarif', file]);
    expect(r.code).toBe(2);
    expect(existsSync(file)).toBe(false);
  });

  it('gives the same bytes for the same findings', async () => {
    const [a, b] = [join(dir, 'a.sarif'), join(dir, 'b.sarif')];
    await runCommand(registerLint, ['lint', 'scenarios/pharma.yaml', '--sarif', a]);
    await runCommand(registerLint, ['lint', 'scenarios/pharma.yaml', '--sarif', b]);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
  });
});
