import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTree, importsOf } from './imports.js';

const root = resolve(import.meta.dirname, '../..');

describe('floors', () => {
  it('sim/ imports only downward, keeps the pure floors free of Node, and the viewer reads only the contract', () => {
    expect(checkTree(root)).toEqual([]);
  });

  it('fails on an upward import, a Node import in a pure floor and a viewer import outside the contract', () => {
    expect(checkTree(resolve(import.meta.dirname, 'fixture'))).toEqual([
      { file: 'sim/kernel/clock.ts', specifier: 'node:fs', rule: 'node-in-pure' },
      { file: 'sim/kernel/clock.ts', specifier: '../net/route.js', rule: 'upward' },
      { file: 'web/src/view.ts', specifier: '../../sim/net/route.js', rule: 'viewer-outside-contract' },
    ]);
  });

  it('reads static, type-only, re-exported and dynamic imports, not commented ones', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "const d = await import('./d.js');",
      "// import { e } from './e.js';",
      "/* import { f } from './f.js'; */",
    ].join('\n');
    expect(importsOf(source)).toEqual(['./a.js', '../b.js', './c.js', './d.js']);
  });
});
