// Runs one CLI command in process (fast: no node start-up) and captures what it prints and its exit code.
import { Command } from 'commander';
import { vi } from 'vitest';
import { CliExit } from '../../sim/cli/errors.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function runCommand(register: (program: Command) => unknown, args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const program = new Command('segsim')
    .exitOverride()
    .configureOutput({ writeOut: (t) => (out += t), writeErr: (t) => (err += t) });
  register(program);
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((t) => ((out += String(t)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((t) => ((err += String(t)), true));
  try {
    await program.parseAsync(args, { from: 'user' });
    return { code: 0, out, err };
  } catch (e) {
    if (e instanceof CliExit) return { code: e.exitCode, out, err: err + e.message };
    if (e instanceof Error && 'exitCode' in e)
      return { code: (e as { exitCode: number }).exitCode === 0 ? 0 : 2, out, err };
    throw e;
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
