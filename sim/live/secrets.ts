// The testbed's secrets, all derived from one per-run key with HMAC-SHA256: credential passwords,
// second factors, identity tokens (user, MFA and device-posture claims), the proof that a host is
// held, and the broker's grants for an interactive logon.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface IdentityClaims {
  user: string;
  mfa: boolean;
  device?: string;
  managedDevice: boolean;
  posture: Record<string, boolean | string | number>;
}

export class LiveSecretError extends Error {
  override name = 'LiveSecretError';
  constructor(
    readonly code: 'bad-key' | 'bad-token',
    message: string,
  ) {
    super(message);
  }
}

export class Secrets {
  readonly #key: Buffer;

  /** `keyHex`: 32 bytes as 64 hex digits; a fresh random key when absent. */
  constructor(keyHex?: string) {
    if (keyHex !== undefined && !/^[0-9a-f]{64}$/i.test(keyHex))
      throw new LiveSecretError('bad-key', `the key must be 64 hex digits (32 bytes), got ${keyHex.length} characters`);
    this.#key = keyHex === undefined ? randomBytes(32) : Buffer.from(keyHex, 'hex');
  }

  get keyHex(): string {
    return this.#key.toString('hex');
  }

  /** The password of a credential (a VPN account, a host logon, a PLC project). */
  password(credential: string): string {
    return this.#mac(`credential:${credential}`).slice(0, 20);
  }

  /** The second factor a user's authenticator would give. */
  otp(user: string): string {
    return this.#mac(`otp:${user}`).slice(0, 6);
  }

  /** Proof that whoever presents it runs code on `asset`. */
  hostToken(asset: string): string {
    return this.#mac(`host:${asset}`);
  }

  /** The broker's short-lived word to a host that a brokered logon was granted. */
  grant(asset: string, user: string): string {
    return this.#mac(`grant:${asset}:${user}`);
  }

  /** A signed identity token: base64url(claims).base64url(HMAC). */
  issue(claims: IdentityClaims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${Buffer.from(this.#mac(`token:${body}`), 'hex').toString('base64url')}`;
  }

  verify(token: string): IdentityClaims {
    const dot = token.indexOf('.');
    if (dot < 0) throw new LiveSecretError('bad-token', 'the token has no signature');
    const body = token.slice(0, dot);
    if (!this.matches(token.slice(dot + 1), Buffer.from(this.#mac(`token:${body}`), 'hex').toString('base64url')))
      throw new LiveSecretError('bad-token', 'the token signature does not verify');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<IdentityClaims> | null;
    if (
      typeof claims?.user !== 'string' ||
      typeof claims.mfa !== 'boolean' ||
      typeof claims.managedDevice !== 'boolean' ||
      typeof claims.posture !== 'object' ||
      claims.posture === null ||
      (claims.device !== undefined && typeof claims.device !== 'string')
    )
      throw new LiveSecretError('bad-token', 'the token lacks its user, mfa, managedDevice or posture claims');
    return claims as IdentityClaims;
  }

  /** Constant-time comparison of a presented secret with the expected one. */
  matches(presented: unknown, expected: string): boolean {
    if (typeof presented !== 'string') return false;
    const a = Buffer.from(presented);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  #mac(text: string): string {
    return createHmac('sha256', this.#key).update(text).digest('hex');
  }
}
