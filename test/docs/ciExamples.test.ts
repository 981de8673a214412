// The outputs docs/ci.md quotes from lint and diff are what the commands print today, and its
// pipelines run as written in a repository that holds only scenarios.
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCES, REGRESSION_METRICS } from '../../sim/experiment/baseline.js';
import { readJUnit } from '../helpers/junit.js';

const doc = readFileSync('docs/ci.md', 'utf8');

function run(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((done) =>
    execFile(
      process.execPath,
      [resolve('bin/segsim.mjs'), ...args],
      { cwd, encoding: 'utf8', env: { ...process.env, CI: '1', NO_COLOR: '1', ...env } },
      (error, out) => done({ code: error === null ? 0 : Number(error.code), out }),
    ),
  );
}

describe('docs/ci.md', () => {
  it('quotes the diff of pharma with the OEM VNC grant widened to line 2 as segsim prints it', async () => {
    const block = /```\n\$ (segsim diff scenarios\/pharma.yaml pharma-vnc.yaml)\n([\s\S]*?)```/.exec(doc);
    expect(block).not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'segsim-docs-'));
    mkdirSync(join(dir, 'scenarios'));
    copyFileSync('scenarios/pharma.yaml', join(dir, 'scenarios', 'pharma.yaml'));
    const pharma = readFileSync('scenarios/pharma.yaml', 'utf8');
    const from = '            resources: [{ line: line1, kind: hmi }]';
    expect(pharma).toContain(from);
    writeFileSync(
      join(dir, 'pharma-vnc.yaml'),
      pharma.replace(from, '            resources: [{ line: line1, kind: hmi }, { line: line2, kind: hmi }]'),
    );
    const r = await run(dir, {}, ...block![1]!.split(' ').slice(1));
    expect(r.code).toBe(1);
    expect(r.out).toBe(block![2]);
  });

  it('quotes a GitHub annotation that segsim lint prints for pharma', async () => {
    const quoted = doc.split('\n').find((l) => l.startsWith('::warning file=scenarios/pharma.yaml'));
    expect(quoted).toBeDefined();
    const r = await run(process.cwd(), {}, 'lint', 'scenarios/pharma.yaml', '--format', 'github');
    expect(r.out.split('\n')).toContain(quoted);
  });
});

/** The words of a documented shell line: double quotes kept together, `dir/*.yaml` expanded in `cwd`. */
function words(line: string, cwd: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|(\S+)/g)) {
    const word = m[1] ?? m[2]!;
    const glob = m[1] === undefined ? /^(.*\/)?\*(\.\w+)$/.exec(word) : null;
    if (glob === null) out.push(word);
    else {
      const dir = glob[1] ?? '';
      const found = readdirSync(join(cwd, dir)).filter((f) => f.endsWith(glob[2]!));
      out.push(...found.sort().map((f) => `${dir}${f}`));
    }
  }
  return out;
}

/** The `npx segsim …` lines of the fenced block that starts with `# name`. */
function pipeline(name: string): string[] {
  const block = new RegExp(`\`\`\`(?:yaml|sh)\\n# ${name.replace(/[.*]/g, '\\$&')}\\n([\\s\\S]*?)\`\`\``).exec(doc);
  expect(block, name).not.toBeNull();
  return block![1]!
    .split('\n')
    .map((l) => /^\s*(?:- (?:run: )?)?(npx segsim .*?)\s*(?:#.*)?$/.exec(l)?.[1])
    .filter((l): l is string => l !== undefined);
}

describe('docs/ci.md pipelines', () => {
  it('run as documented in a repository holding only scenarios and a baseline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segsim-ci-repo-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    const setup = /```sh\nnpm init -y\n([\s\S]*?)```/.exec(doc);
    expect(setup).not.toBeNull();
    const install = setup![1]!
      .split('\n')
      .filter((l) => l.startsWith('npx segsim '))
      .map((l) => l.replace(/\s+#.*$/, ''));
    expect(install.map((l) => l.split(/\s+/)[2])).toEqual(['init', 'baseline']);
    const steps = [...install, ...pipeline('.github/workflows/segsim.yml'), ...pipeline('.gitlab-ci.yml')];
    expect(steps.filter((l) => / (validate|lint|policy test|check|diff) /.test(l)).length).toBeGreaterThanOrEqual(12);
    const summary = join(dir, 'step-summary.md');
    for (const [k, line] of steps.entries()) {
      if (k === install.length) {
        // What the pull request's base branch holds: the scenarios as committed.
        git('add', '.');
        git('-c', 'user.name=ci', '-c', 'user.email=ci@example.invalid', 'commit', '-q', '-m', 'scenarios');
        git('update-ref', 'refs/remotes/origin/main', 'HEAD');
      }
      const shell = line
        .replace(/\$\{\{ github\.base_ref \}\}/, 'main')
        .replace('$CI_MERGE_REQUEST_TARGET_BRANCH_NAME', 'main');
      const r = await run(dir, { GITHUB_STEP_SUMMARY: summary }, ...words(shell, dir).slice(2));
      expect(r.code, `${line}\n${r.out}`).toBe(0);
    }
    for (const f of ['segsim-policy-junit.xml', 'segsim-junit.xml', 'segsim-baseline-junit.xml'])
      expect(readJUnit(readFileSync(join(dir, f), 'utf8')).tests, f).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dir, 'segsim.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'segsim-check.md'), 'utf8').split('\n')[0]).toBe('# segsim check: ✅ PASS');
    expect(readFileSync(join(dir, 'segsim-diff.md'), 'utf8')).toMatch(/^No change in \d+ design × attack pairs\.$/m);
    expect(readFileSync(summary, 'utf8').match(/^# segsim check: ✅ PASS$/gm)).toHaveLength(4);
  }, 180_000);

  it('state the default tolerance of every regression metric', () => {
    const rows = [...doc.matchAll(/^\| `(\w+)` \| [^|]+ \| (\d+)% \|$/gm)].map((m) => [m[1], Number(m[2]) / 100]);
    expect(Object.fromEntries(rows)).toEqual(DEFAULT_TOLERANCES);
    expect(rows.map(([m]) => m)).toEqual(REGRESSION_METRICS.map((m) => m.metric));
  });
});
