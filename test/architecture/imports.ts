// Reads every import of a source tree and names those that break the floors of docs/architecture.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Floors from the bottom; folders on one floor are siblings and do not import each other. */
export const FLOORS: readonly (readonly string[])[] = [
  ['kernel'],
  ['model'],
  ['contract'],
  ['scenario'],
  ['policy'],
  ['net'],
  ['world'],
  ['defense', 'attack', 'workload'],
  ['metrics'],
  ['simulation'],
  ['experiment'],
  ['live'],
  ['report'],
  ['cli'],
];

/** Folders whose code stays pure: no Node built-ins. */
export const PURE = new Set(['kernel', 'model', 'contract', 'policy', 'net', 'world', 'defense', 'attack', 'workload']);

/** Packages that only build tools may load; nothing under sim/ imports them at run time. */
export const BUILD_ONLY = ['tsx', 'esbuild', 'vite', 'vite-plugin-singlefile', 'vitest', 'fast-check'];

const floorOf = new Map(FLOORS.flatMap((names, i) => names.map((n) => [n, i] as const)));

export interface Violation {
  file: string;
  specifier: string;
  rule: 'upward' | 'sibling' | 'node-in-pure' | 'unknown-folder' | 'viewer-outside-contract' | 'build-tool';
}

const IMPORT =
  /(?:^|[;\s])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Module specifiers a TypeScript source imports or re-exports, type-only ones included. */
export function importsOf(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...withoutComments.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : walk(path);
    return /\.(ts|mts)$/.test(name) ? [path] : [];
  });
}

/** Every floor violation under `root`/sim and every viewer import outside sim/contract under `root`/web/src. */
export function checkTree(root: string): Violation[] {
  const sim = resolve(root, 'sim');
  const out: Violation[] = [];
  for (const file of walk(sim)) {
    const parts = relative(sim, file).split('/');
    if (parts.length < 2) continue; // sim/index.ts: the public API names what it exports from every floor
    const from = parts[0]!;
    const fromFloor = floorOf.get(from);
    const rel = relative(root, file);
    if (fromFloor === undefined) {
      out.push({ file: rel, specifier: from, rule: 'unknown-folder' });
      continue;
    }
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        if (PURE.has(from) && (specifier.startsWith('node:') || NODE_BUILTINS.has(pkg)))
          out.push({ file: rel, specifier, rule: 'node-in-pure' });
        if (BUILD_ONLY.includes(pkg)) out.push({ file: rel, specifier, rule: 'build-tool' });
        continue;
      }
      const resolved = resolve(dirname(file), specifier);
      if (resolved === resolve(root, 'package.json')) continue; // the version, read by the CLI
      const target = relative(sim, resolved).split('/')[0]!;
      if (target === from) continue;
      const targetFloor = floorOf.get(target);
      if (targetFloor === undefined) out.push({ file: rel, specifier, rule: 'unknown-folder' });
      else if (targetFloor > fromFloor) out.push({ file: rel, specifier, rule: 'upward' });
      else if (targetFloor === fromFloor) out.push({ file: rel, specifier, rule: 'sibling' });
    }
  }
  const web = resolve(root, 'web/src');
  for (const file of safeWalk(web)) {
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      if (target.startsWith(web)) continue;
      if (!target.startsWith(resolve(sim, 'contract')))
        out.push({ file: relative(root, file), specifier, rule: 'viewer-outside-contract' });
    }
  }
  return out;
}

function safeWalk(dir: string): string[] {
  try {
    return walk(dir);
  } catch {
    return [];
  }
}

const NODE_BUILTINS = new Set([
  'fs',
  'path',
  'os',
  'url',
  'child_process',
  'worker_threads',
  'net',
  'http',
  'https',
  'crypto',
  'stream',
  'events',
  'util',
  'process',
  'buffer',
  'zlib',
  'readline',
  'tty',
  'perf_hooks',
  'module',
  'v8',
  'vm',
  'dgram',
  'dns',
  'tls',
  'cluster',
  'assert',
  'timers',
]);
