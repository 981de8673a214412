// The zero-trust broker and its connectors: an identity token (user, MFA and device-posture
// claims) is checked, every connection is decided by the PDP and opens a session under continuous
// evaluation, each Modbus function beyond the one granted is asked for again, and a revoked
// session's connection is cut at once.
import type { Socket } from 'node:net';
import type { Action } from '../model/catalog.js';
import type { AssetNode } from '../model/plantModel.js';
import type { ConnectOutcome, Origin } from '../net/AccessLayer.js';
import type { SessionTable } from '../policy/index.js';
import type { SubjectAttributes } from '../policy/types.js';
import {
  EntryPoint,
  isInteractive,
  type Admitted,
  type EntryContext,
  type Hello,
  type Opened,
  type Refusal,
  type Reply,
} from './EntryPoint.js';
import { LiveSecretError, type IdentityClaims } from './secrets.js';

export class ZtBroker extends EntryPoint {
  readonly kind = 'broker';
  readonly #connections = new Map<string, Socket>();

  constructor(
    ctx: EntryContext,
    private readonly sessions: SessionTable,
    private readonly sessionTtlHours: number,
  ) {
    super(ctx);
  }

  /** Continuous evaluation revoked a session: its connection goes now. */
  cut(sessionId: string): void {
    this.#connections.get(sessionId)?.destroy();
  }

  protected login(hello: Hello): Reply | Refusal {
    const claims = this.#claims(hello);
    if ('ok' in claims) return claims;
    this.ctx.audit.record({ type: 'live.login', entry: this.kind, user: claims.user, effect: 'allow' });
    return { ok: true, user: claims.user };
  }

  protected admit(hello: Hello): Admitted | Refusal {
    const claims = this.#claims(hello);
    if ('ok' in claims) return claims;
    const { model } = this.ctx.access;
    const user = model.users[model.userIndex.get(claims.user)!]!;
    const subject: SubjectAttributes = {
      user: user.id,
      roles: user.roles,
      groups: user.groups,
      org: user.org,
      ...(claims.device === undefined ? {} : { device: claims.device }),
      managedDevice: claims.managedDevice,
      posture: claims.posture,
    };
    return { origins: [{ kind: 'broker', subject, mfa: claims.mfa }], source: `zt-session(${user.id})` };
  }

  protected override opened(
    _admitted: Admitted,
    origin: Origin,
    target: AssetNode,
    action: Action,
    outcome: ConnectOutcome & { ok: true },
    socket: Socket,
  ): Opened | Refusal {
    if (origin.kind !== 'broker') return { ok: false, reason: 'not a brokered origin' };
    const { access } = this.ctx;
    const connector = outcome.connector === null ? undefined : access.model.assets[outcome.connector]!.id;
    const resource = access.resource(target);
    const state = this.ctx.state();
    const { session, decision } = this.sessions.open(
      { subject: origin.subject, resource, action, ...(connector === undefined ? {} : { source: connector }) },
      { time: state.time, mfa: origin.mfa, approvals: state.approvals, locks: state.locks },
      this.sessionTtlHours,
    );
    if (session === undefined) return { ok: false, reason: `the PDP gave ${decision.effect} when opening the session` };
    this.#connections.set(session.id, socket);
    const user = origin.subject.user ?? '';
    return {
      allows: (other) =>
        other === action || this.sessions.request(session.id, resource, other, connector).effect === 'allow',
      reply: {
        session: session.id,
        ...(connector === undefined ? {} : { connector }),
        ...(isInteractive(access.model, action) ? { grant: this.ctx.secrets.grant(target.id, user) } : {}),
      },
      closed: () => {
        this.#connections.delete(session.id);
        if (this.sessions.get(session.id)?.state === 'open') this.sessions.close(session.id);
      },
    };
  }

  #claims(hello: Hello): IdentityClaims | Refusal {
    let claims: IdentityClaims;
    try {
      claims = this.ctx.secrets.verify(typeof hello.token === 'string' ? hello.token : '');
    } catch (error) {
      if (error instanceof LiveSecretError || error instanceof SyntaxError) return this.refuse(error.message);
      throw error;
    }
    if (!this.ctx.access.model.userIndex.has(claims.user)) return this.refuse(`unknown user "${claims.user}"`);
    return claims;
  }
}
