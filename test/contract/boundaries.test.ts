// The contract is the only way out of the simulator: it imports nothing but itself, and the
// viewer imports nothing from the simulator but the contract.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const CONTRACT = resolve('sim/contract');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module a file imports or re-exports, as written. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
}

/** Imports of `files` that break `allowed`, as "file → specifier". */
function offences(files: string[], allowed: (target: string, specifier: string) => boolean): string[] {
  return files.flatMap((f) =>
    specifiers(f)
      .filter((s) => !allowed(s.startsWith('.') ? resolve(dirname(f), s) : s, s))
      .map((s) => `${relative(ROOT, f)} → ${s}`),
  );
}

describe('the contract boundary', () => {
  it('sim/contract imports nothing but other contract files', () => {
    const files = sources(CONTRACT);
    expect(files.length).toBeGreaterThan(3);
    expect(offences(files, (target, s) => s.startsWith('./') && dirname(target) === CONTRACT)).toEqual([]);
  });

  it('web/src imports from sim/ only sim/contract/, and no Node module', () => {
    const files = sources(resolve('web/src'));
    const allowed = (target: string, s: string) =>
      s.startsWith('.')
        ? !relative(ROOT, target).startsWith('sim/') || dirname(target) === CONTRACT
        : !s.startsWith('node:');
    expect(offences(files, allowed)).toEqual([]);
    // The rule has teeth: the viewer does read the contract.
    expect(files.some((f) => specifiers(f).some((s) => s.includes('sim/contract/')))).toBe(true);
  });
});
