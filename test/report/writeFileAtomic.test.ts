import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputFileError, writeFileAtomic } from '../../sim/report/writeFileAtomic.js';

describe('writeFileAtomic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segsim-atomic-'));

  it('creates missing folders and leaves no temporary file behind', () => {
    const file = join(dir, 'a', 'b', 'out.json');
    writeFileAtomic(file, '{"ok":true}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"ok":true}\n');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['out.json']);
  });

  it('fails with a located error and leaves the old file and the folder as they were', () => {
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(dir, 'keep.txt'), 'old');
    expect(() => writeFileAtomic(target, 'new')).toThrow(OutputFileError);
    expect(() => writeFileAtomic(target, 'new')).toThrow(/cannot write .*taken: it is a directory/);
    expect(readdirSync(dir).sort()).toEqual(['a', 'keep.txt', 'taken']);
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('old');
  });
});
