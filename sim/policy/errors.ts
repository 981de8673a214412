/** Misuse of the policy API (bad references, unknown sessions); `code` is stable for tests. */
export class PolicyError extends Error {
  override name = 'PolicyError';
  constructor(
    readonly code: 'unknown-window' | 'duplicate-rule' | 'unknown-session' | 'invalid-argument',
    message: string,
  ) {
    super(message);
  }
}
