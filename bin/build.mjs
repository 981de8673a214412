#!/usr/bin/env node
// The build, run by `npm install` (prepare), `npm pack` and before the tests; the only place that
// uses the build tools (esbuild, tsc, Vite). It writes:
//   dist/**/*.js     the library, file by file as sim/ (without sim/cli), importing its dependencies
//   dist/**/*.d.ts   its type declarations
//   dist/cli/        the command line: one module per command, dependencies inlined so it starts fast
//   dist/worker.js   the experiment worker thread, self-contained
//   dist/segsim.schema.json  the scenario JSON Schema, for editors and `segsim init`
//   web/dist/        the viewer as one HTML page
// A step is skipped when its stamp is newer than every input. Usage: node bin/build.mjs [--force] [step…]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
/** Stamps of the steps and the command line's module graph (for the test that commands load lazily); not packed. */
const STAMPS = join(DIST, '.build');
const SCHEMA = join(DIST, 'segsim.schema.json');
const require = createRequire(import.meta.url);

/** CommonJS dependencies inlined into an ES module still call require() for Node's built-ins. */
const REQUIRE_SHIM =
  "import { createRequire as segsimRequire } from 'node:module'; const require = segsimRequire(import.meta.url);";
const FILE_BY_FILE = { absWorkingDir: ROOT, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' };
const BUNDLE = { ...FILE_BY_FILE, bundle: true, legalComments: 'none' };
const CODE_INPUTS = ['sim', 'package.json', 'bin/build.mjs'];

const steps = {
  /** The library, the command line and the worker: fast, so built together. */
  code: {
    inputs: CODE_INPUTS,
    async run() {
      const { build } = await import('esbuild');
      const before = existsSync(DIST) ? listFiles(DIST).filter((f) => /\.(js|txt)$/.test(f)) : [];
      const library = listFiles(join(ROOT, 'sim')).filter(
        (f) => f.endsWith('.ts') && !within(f, 'sim/cli') && f !== join(ROOT, 'sim/experiment/worker.ts'),
      );
      const lib = await build({
        ...FILE_BY_FILE,
        entryPoints: library,
        outdir: DIST,
        outbase: join(ROOT, 'sim'),
        metafile: true,
      });
      const cli = await build({
        ...BUNDLE,
        entryPoints: { main: join(ROOT, 'sim/cli/main.ts') },
        outdir: join(DIST, 'cli'),
        // Chunks stay beside main.js: modules find the package root two folders up (sim/report/html.ts).
        chunkNames: '[name]-[hash]',
        splitting: true,
        // Loaded from node_modules when `report --pdf` runs: a browser driver does not bundle.
        external: ['playwright-core'],
        banner: { js: REQUIRE_SHIM },
        metafile: true,
      });
      const worker = await build({
        ...BUNDLE,
        entryPoints: [join(ROOT, 'sim/experiment/worker.ts')],
        outfile: join(DIST, 'worker.js'),
        banner: { js: REQUIRE_SHIM },
        metafile: true,
      });
      // The schema from the library just built, so it is the one this package validates with.
      const { scenarioJsonSchema } = await import(pathToFileURL(join(DIST, 'scenario/jsonSchema.js')).href);
      writeFileSync(SCHEMA, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      const notices = join(DIST, 'THIRD-PARTY-LICENSES.txt');
      writeFileSync(notices, licenses([cli.metafile, worker.metafile]));
      // What an earlier build wrote and this one did not (a renamed source, an old chunk) goes now,
      // not before: a command running meanwhile still finds the files it loads.
      const outputs = [lib, cli, worker].flatMap((r) => Object.keys(r.metafile.outputs));
      const written = new Set([notices, ...outputs.map((f) => join(ROOT, f))]);
      for (const f of before) if (!written.has(f)) rmSync(f);
      mkdirSync(STAMPS, { recursive: true });
      writeFileSync(join(STAMPS, 'cli-meta.json'), JSON.stringify(cli.metafile));
    },
  },
  types: {
    inputs: [...CODE_INPUTS, 'tsconfig.json', 'tsconfig.build.json'],
    run() {
      removeFiles(DIST, (f) => f.endsWith('.d.ts'));
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], {
        stdio: 'inherit',
      });
    },
  },
  viewer: {
    inputs: ['web/src', 'web/index.html', 'web/vite.config.ts', 'sim/contract', 'package.json'],
    async run() {
      const { build } = await import('vite');
      await build({ root: join(ROOT, 'web'), configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
    },
  },
};

/** Runs the named steps (all by default) that are out of date, or all of them with `force`. */
export async function buildSegsim({ only = Object.keys(steps), force = false, log = console.error } = {}) {
  for (const name of only) {
    const step = steps[name];
    if (step === undefined) throw new Error(`unknown build step "${name}"; steps: ${Object.keys(steps).join(', ')}`);
    const stamp = join(STAMPS, name);
    if (!force && existsSync(stamp) && newest(step.inputs) <= statSync(stamp).mtimeMs) continue;
    const started = new Date();
    log(`segsim build: ${name}`);
    await step.run();
    mkdirSync(STAMPS, { recursive: true });
    writeFileSync(stamp, '');
    // The start time, so a source saved during the step makes it stale.
    utimesSync(stamp, started, started);
  }
}

function newest(inputs) {
  let max = 0;
  for (const input of inputs) {
    const path = join(ROOT, input);
    if (!existsSync(path)) continue;
    for (const file of statSync(path).isDirectory() ? listFiles(path) : [path])
      max = Math.max(max, statSync(file).mtimeMs);
  }
  return max;
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function within(file, folder) {
  return relative(ROOT, file).split(sep).join('/').startsWith(`${folder}/`);
}

function removeFiles(dir, which) {
  if (!existsSync(dir)) return;
  for (const file of listFiles(dir)) if (which(file)) rmSync(file);
}

/** The license of every package inlined into the bundles, for redistribution. */
function licenses(metafiles) {
  const packages = new Set();
  for (const meta of metafiles)
    for (const input of Object.keys(meta.inputs)) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) packages.add(match[1]);
    }
  return [...packages]
    .sort()
    .map((folder) => {
      const dir = join(ROOT, folder);
      const { name, version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
      const text = file === undefined ? `License: ${license}` : readFileSync(join(dir, file), 'utf8').trim();
      return `${name}@${version}\n\n${text}\n`;
    })
    .join(`\n${'-'.repeat(72)}\n\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const only = args.filter((a) => !a.startsWith('--'));
  try {
    await buildSegsim({ force: args.includes('--force'), ...(only.length > 0 && { only }) });
  } catch (err) {
    console.error(`segsim build failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
