// Expected ways for a command to stop: a message for the user and an exit code, never a stack trace.
import { terminalText } from '../report/escape.js';

/** Exit codes: 1 = a check failed, 2 = bad input or usage. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    // Messages quote ids and paths from the command line and the scenario.
    super(terminalText(message));
    this.name = 'CliExit';
  }
}

export function usageError(message: string): CliExit {
  return new CliExit(2, message);
}
