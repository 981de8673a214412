// Every attack path quoted in a code block of README.md and docs/*.md is a line that the segsim
// command quoted above it prints today.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segsim } from '../helpers/cli.js';
import { normalizeStep, quotedPaths } from './quotedPaths.js';

const ROOT = join(import.meta.dirname, '..', '..');
const pages = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

describe('the quoted-path reader', () => {
  it('pairs each path step in a code block with the command above it, and nothing else', () => {
    const page = [
      'Prose `a → b  rdp  via credential x  [T0859 Valid Accounts]` is not a code block.',
      '```sh',
      'npx segsim reach scenarios/pharma.yaml -d zt -a x   # comment',
      '```',
      '```',
      '  attacker → vpn-client  login  via VPN login  [T0822 External Remote Services]',
      '  └─ vpn-client → jump-host  rdp  via exploit CVE-2019-0708  [T0866 Exploitation of Remote Services]',
      '      2h00  ● attacker   [T0822 External Remote Services] VPN login',
      '```',
    ].join('\n');
    expect(quotedPaths(page)).toEqual([
      {
        step: 'attacker → vpn-client  login  via VPN login  [T0822 External Remote Services]',
        line: 6,
        command: ['reach', 'scenarios/pharma.yaml', '-d', 'zt', '-a', 'x'],
      },
      {
        step: 'vpn-client → jump-host  rdp  via exploit CVE-2019-0708  [T0866 Exploitation of Remote Services]',
        line: 7,
        command: ['reach', 'scenarios/pharma.yaml', '-d', 'zt', '-a', 'x'],
      },
    ]);
  });
});

describe('paths quoted in the docs', () => {
  const quoted = pages.flatMap((page) =>
    quotedPaths(readFileSync(join(ROOT, page), 'utf8')).map((q) => ({ page, ...q })),
  );

  it('are there to check', () => {
    expect(quoted.length).toBeGreaterThanOrEqual(10);
  });

  it('each appear in the output of the reach command quoted above them', async () => {
    const outputs = new Map<string, Promise<Set<string>>>();
    const printed = (command: string[]) => {
      const key = command.join(' ');
      let out = outputs.get(key);
      if (out === undefined) {
        out = segsim(...command).then((r) => new Set(r.out.split('\n').map(normalizeStep)));
        outputs.set(key, out);
      }
      return out;
    };
    const wrong: string[] = [];
    for (const q of quoted) {
      const where = `${q.page}:${q.line}`;
      if (q.command?.[0] !== 'reach') wrong.push(`${where}: no segsim reach command above "${q.step}"`);
      else if (!(await printed(q.command)).has(q.step))
        wrong.push(`${where}: "${q.step}" is not printed by segsim ${q.command.join(' ')}`);
    }
    expect(wrong).toEqual([]);
  });
});
