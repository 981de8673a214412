// docs/api.md's example runs against the compiled library (the package resolves itself by name
// from inside the repository) and prints what the page says.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiExample } from './apiExample.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('docs/api.md', () => {
  it('runs its example and prints what it shows', () => {
    const { code, printed } = apiExample();
    const dir = `${ROOT}test-output/api-example`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/example.mjs`, code);
    const out = execFileSync(process.execPath, [`${dir}/example.mjs`], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toBe(printed);
  });
});
