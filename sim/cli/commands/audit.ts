import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { verifyAuditLog } from '../../policy/audit.js';

const HELP = `
Exit status: 0 the chain verifies, 1 it does not (altered, reordered, missing
or malformed records), 2 the log could not be checked.

The chain alone cannot show that records were cut from the end of the log;
pass the head hash published elsewhere (ticket, SIEM, peer log) as --head.

Examples:
  $ segsim audit verify runs/audit.jsonl
  ok: 128 records, head 3f5a0c…
  $ segsim audit verify runs/audit.jsonl --head 3f5a0c…  (all 64 hex digits)
  runs/audit.jsonl:42: record seq 42 was altered: stored hash 9b1e…, content hashes to 07cd…
`;

/** Adds `audit verify <file> [--head HASH]`; output goes through the program's configureOutput. */
export function registerAudit(program: Command): Command {
  const audit = program.command('audit').description('Inspect the hash-chained audit log of the policy decision point');
  audit
    .command('verify')
    .description('check that an audit log (JSON Lines) is an unbroken, unaltered hash chain')
    .argument('<file>', 'audit log written by the simulator, one record per line')
    .option('--head <hash>', 'expected head hash (sha256 hex); detects records cut from the end')
    .addHelpText('after', HELP)
    .action((file: string, options: { head?: string }, command: Command) => {
      const output = command.configureOutput();
      const out = output.writeOut ?? ((text: string) => process.stdout.write(text));
      const err = output.writeErr ?? ((text: string) => process.stderr.write(text));
      const head = options.head?.toLowerCase();
      if (head !== undefined && !/^[0-9a-f]{64}$/.test(head)) {
        err(`segsim: --head must be 64 hex digits (a sha256 hash), got "${options.head}"\n`);
        process.exitCode = 2;
        return;
      }
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason =
          code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
        err(`segsim: cannot read audit log ${file}: ${reason}\n`);
        process.exitCode = 2;
        return;
      }
      const result = verifyAuditLog(text, head === undefined ? {} : { expectedHead: head });
      if (result.ok) {
        out(`ok: ${result.records} records, head ${result.head}\n`);
      } else {
        err(`${file}:${result.line}: ${result.message}\n`);
        process.exitCode = 1;
      }
    });
  return audit;
}
