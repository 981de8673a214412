// The VPN concentrator: a shared account's password (and second factor when the design asks for
// one) opens a tunnel; through it, any connection the design's routes and conduits allow.
import { randomUUID } from 'node:crypto';
import { EntryPoint, type Admitted, type Hello, type Refusal, type Reply } from './EntryPoint.js';

export class VpnConcentrator extends EntryPoint {
  readonly kind = 'vpn';
  readonly #tunnels = new Map<string, string>();

  protected login(hello: Hello): Reply | Refusal {
    const { access, secrets, audit } = this.ctx;
    const vpn = access.design.vpn!;
    const account = typeof hello.account === 'string' ? hello.account : '';
    const refuse = (reason: string): Refusal => this.refuse(reason, { account });
    if (!vpn.accounts.includes(account)) return refuse(`"${account}" is not an account of this VPN`);
    if (!secrets.matches(hello.password, secrets.password(account))) return refuse('wrong password');
    if (vpn.mfa) {
      const index = access.model.credentialIndex.get(account)!;
      const owners = access.model.credentials[index]!.owners.map((o) => access.model.users[o]!.id);
      if (!owners.some((u) => secrets.matches(hello.otp, secrets.otp(u))))
        return refuse('second factor missing or wrong');
    }
    const ticket = randomUUID();
    this.#tunnels.set(ticket, account);
    audit.record({ type: 'live.login', entry: this.kind, account, effect: 'allow' });
    return { ok: true, ticket };
  }

  protected admit(hello: Hello): Admitted | Refusal {
    const account = typeof hello.ticket === 'string' ? this.#tunnels.get(hello.ticket) : undefined;
    if (account === undefined) return this.refuse('no open tunnel for this ticket');
    return { origins: [{ kind: 'vpn', account }], source: `vpn-client(${account})` };
  }
}
