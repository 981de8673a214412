// segsim as its users get it: `npm pack` (which builds), then the tarball installed with its
// production dependencies only into an empty project that holds nothing but a scenario, and the
// command line, the viewer, the report and the library used from there.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiExample } from './apiExample.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** npm's own settings from a surrounding `npm test` would steer the inner npm; the cache is kept. */
const npmEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || /^npm_config_(cache|registry|userconfig)$/i.test(k)),
);
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: npmEnv, stdio: ['ignore', 'pipe', 'pipe'] });

let dir: string;
let project: string;
let packed: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segsim-pack-'));
  const [pack] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], ROOT)) as [
    { filename: string; files: { path: string }[] },
  ];
  packed = pack.files.map((f) => f.path);
  project = join(dir, 'plant-scenarios');
  mkdirSync(join(project, 'scenarios'), { recursive: true });
  writeFileSync(join(project, 'package.json'), '{ "name": "plant-scenarios", "private": true, "type": "module" }\n');
  copyFileSync(join(ROOT, 'scenarios/pharma.yaml'), join(project, 'scenarios/pharma.yaml'));
  npm(['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', join(dir, pack.filename)], project);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const segsim = (...args: string[]) =>
  execFileSync(join(project, 'node_modules/.bin/segsim'), args, {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });

describe('the packed package', () => {
  it('holds the compiled code, its types and the viewer, and no sources or tests', () => {
    for (const f of ['bin/segsim.mjs', 'dist/index.js', 'dist/index.d.ts', 'dist/policy/index.d.ts'])
      expect(packed).toContain(f);
    for (const f of ['dist/cli/main.js', 'dist/worker.js', 'dist/THIRD-PARTY-LICENSES.txt', 'web/dist/index.html'])
      expect(packed).toContain(f);
    expect(packed).toContain('dist/segsim.schema.json');
    expect(packed.filter((f) => /^(sim|test|scenarios|reports|docs|web\/src)\/|^dist\/\.build\//.test(f))).toEqual([]);
  });

  it('installs without build tools', () => {
    for (const tool of ['tsx', 'esbuild', 'vite', 'typescript', 'vitest'])
      expect(existsSync(join(project, 'node_modules', tool)), tool).toBe(false);
  });

  it('answers --version and validates a scenario', () => {
    expect(segsim('--version')).toBe(`${VERSION}\n`);
    expect(segsim('validate', 'scenarios/pharma.yaml')).toMatch(/^ok {4}scenarios\/pharma\.yaml {2}9 zones/);
  });

  it('compares designs into a results bundle and writes the HTML report', () => {
    segsim('compare', 'scenarios/pharma.yaml', '--runs', '20', '--json', 'pharma.json');
    const bundle = JSON.parse(readFileSync(join(project, 'pharma.json'), 'utf8')) as { designs: unknown[] };
    expect(bundle.designs).toHaveLength(5);
    expect(segsim('report', 'scenarios/pharma.yaml', '--runs', '20', '--html', 'pharma.html')).toMatch(
      /^wrote pharma\.html/,
    );
    expect(readFileSync(join(project, 'pharma.html'), 'utf8')).toContain('id="segsim-bundle"');
  });

  it('ships the scenario schema, which init copies beside a starter scenario', () => {
    const shipped = readFileSync(join(project, 'node_modules/segsim/dist/segsim.schema.json'), 'utf8');
    segsim('init', 'starter');
    expect(readFileSync(join(project, 'starter/segsim.schema.json'), 'utf8')).toBe(shipped);
    expect(readFileSync(join(project, 'starter/plant.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./segsim.schema.json',
    );
    const resolved = execFileSync(process.execPath, ['-p', "require.resolve('segsim/schema.json')"], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(readFileSync(resolved.trim(), 'utf8')).toBe(shipped);
  });

  it('runs the compare on worker threads', () => {
    const out = segsim('compare', 'scenarios/pharma.yaml', '--runs', '20', '--workers', '2');
    expect(out).toContain(segsim('compare', 'scenarios/pharma.yaml', '--runs', '20'));
  });

  it("runs docs/api.md's example, which type-checks against the shipped declarations", () => {
    const { code, printed } = apiExample();
    writeFileSync(join(project, 'example.mjs'), code);
    expect(execFileSync(process.execPath, ['example.mjs'], { cwd: project, encoding: 'utf8' })).toBe(printed);
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const options = ['--noEmit', '--allowJs', '--checkJs', '--strict', '--module', 'nodenext', '--target', 'es2022'];
    const types = ['--typeRoots', join(ROOT, 'node_modules/@types'), '--types', 'node', '--skipLibCheck'];
    execFileSync(process.execPath, [tsc, ...options, ...types, 'example.mjs'], { cwd: project, encoding: 'utf8' });
  });
});
