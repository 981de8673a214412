// Expected ways for a command to stop: a message for the user and an exit code, never a stack trace.

/** Exit codes: 1 = a check failed, 2 = bad input or usage. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'CliExit';
  }
}

export function usageError(message: string): CliExit {
  return new CliExit(2, message);
}
