// What an import may read: regular files under the scenario's folder (or --allow-imports), at most
// 16 MiB, and nothing of a file that is not a scenario ever quoted back.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim/scenario/load.js';
import { formatIssue } from '../../sim/scenario/issues.js';
import { LIMITS } from '../../sim/model/limits.js';
import { segsim } from '../helpers/cli.js';
import { removeScratch, writeFiles } from './scratch.js';

afterAll(removeScratch);

const messages = (file: string, importRoot?: string): string[] => {
  const r = loadScenario(file, importRoot === undefined ? {} : { importRoot });
  return r.ok ? ['ok'] : r.issues.map((i) => formatIssue(i));
};

describe('import rules', () => {
  it('refuse a device such as /dev/zero at once instead of reading it forever', () => {
    const { main } = writeFiles({ 'a.yaml': 'imports: [/dev/zero]\n' });
    const started = Date.now();
    expect(messages(main)).toEqual([
      expect.stringMatching(/imports\[0\] {2}cannot read imported file "\/dev\/zero": /),
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuse a device as the scenario file itself', () => {
    expect(messages('/dev/zero')).toEqual([
      '/dev/zero:1:1  cannot read file: not a regular file (only regular files are read)',
    ]);
  });

  it('refuse a path that climbs out of the scenario folder, naming the rule', () => {
    const { main } = writeFiles({ 'a.yaml': 'imports: [../../../../../../../../etc/passwd]\n' });
    expect(messages(main)).toEqual([
      expect.stringMatching(
        /imports\[0\] {2}cannot read imported file ".*etc\/passwd": outside the folder imports may come from .*--allow-imports/,
      ),
    ]);
  });

  it('refuse a symbolic link that points out of the folder', () => {
    const { dir, main } = writeFiles({ 'a.yaml': 'imports: [link.yaml]\n', 'elsewhere/b.yaml': 'name: b\n' });
    const inner = join(dir, 'inner');
    mkdirSync(inner);
    writeFileSync(join(inner, 'a.yaml'), 'imports: [link.yaml]\n');
    symlinkSync(join(dir, 'elsewhere', 'b.yaml'), join(inner, 'link.yaml'));
    expect(messages(join(inner, 'a.yaml'))[0]).toMatch(/outside the folder imports may come from/);
    expect(messages(main)[0]).toMatch(/no such file/); // the link is only in inner/
  });

  it('let --allow-imports widen the root', () => {
    const { dir } = writeFiles({
      'study/a.yaml': 'imports: [../shared/plant.yaml]\n',
      'shared/plant.yaml': 'name: p\n',
    });
    expect(messages(join(dir, 'study/a.yaml'))[0]).toMatch(/outside the folder/);
    expect(messages(join(dir, 'study/a.yaml'), dir)).toEqual(['ok']);
    expect(messages(join(dir, 'study/a.yaml'), join(dir, 'missing'))[0]).toMatch(
      /the folder imports may come from \(.*missing\) does not exist/,
    );
  });

  it('never quote a file that is not a scenario', () => {
    const { main } = writeFiles({
      'a.yaml': 'imports: [secret.yaml]\n',
      'secret.yaml': 'user: admin\nsegsim: SECRET-VALUE-abc\n',
      'b.yaml': 'imports: [broken.yaml]\n',
      'broken.yaml': 'key: !secret-tag SECRET-VALUE-abc\n"SECRET-VALUE-abc\n',
      'c.yaml': 'imports: [secret.conf]\n',
      'secret.conf': 'user: admin\nsegsim: SECRET-VALUE-abc\n',
    });
    const all = ['a', 'b', 'c'].flatMap((n) => messages(main.replace('a.yaml', `${n}.yaml`))).join('\n');
    expect(all).not.toMatch(/SECRET|admin|secret-tag/);
    expect(all).toMatch(
      /imported file "[^"]*secret\.yaml" is not a scenario: 1 of its top-level keys is not a scenario section/,
    );
    expect(all).toMatch(/broken\.yaml:\d+:\d+ {2}YAML syntax error \([A-Z_]+\)/);
    // Another kind of file is refused at the import, before it is read as anything.
    expect(all).toMatch(/c\.yaml:1:\d+ .*imported file "[^"]*secret\.conf" is not a scenario file/);
  });

  it('refuse a file above the size limit', () => {
    const { dir, main } = writeFiles({ 'a.yaml': 'imports: [big.yaml]\n' });
    execFileSync('truncate', ['-s', String(LIMITS.importBytes.max + 1), join(dir, 'big.yaml')]);
    expect(messages(main)).toEqual([expect.stringMatching(/larger than the 16 MiB a scenario file may have/)]);
  });

  it('take --allow-imports on the command line', async () => {
    const { dir } = writeFiles({
      'study/a.yaml': 'imports: [../shared/plant.yaml]\n',
      'shared/plant.yaml': 'name: p\n',
    });
    const refused = await segsim('validate', join(dir, 'study/a.yaml'));
    expect(refused.code).toBe(2);
    const allowed = await segsim('validate', '--allow-imports', dir, join(dir, 'study/a.yaml'));
    expect(allowed.code).toBe(0);
  }, 30_000);
});
