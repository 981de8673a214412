// The plant's own network: connections a host makes (once an attacker runs code on it) and the
// internet's way to an exposed service. Conduits, micro-segmentation and enclave gateways decide,
// through the same AccessLayer the simulator uses.
import type { Origin } from '../net/AccessLayer.js';
import { EntryPoint, type Admitted, type Hello, type Refusal, type Reply } from './EntryPoint.js';

export class PlantFabric extends EntryPoint {
  readonly kind = 'fabric';
  /** Assets the attack finds on the internet (an exposed-service entry). */
  exposed: readonly number[] = [];

  protected login(): Reply | Refusal {
    return this.refuse('the plant network has no logon: connect from a host you hold');
  }

  protected admit(hello: Hello): Admitted | Refusal {
    const { model } = this.ctx.access;
    if (hello.from === 'internet') {
      if (this.exposed.length === 0) return this.refuse('this testbed exposes nothing to the internet');
      const origins: Origin[] = this.exposed.map((exposed) => ({ kind: 'internet', exposed }));
      return { origins, source: 'internet' };
    }
    const host = typeof hello.host === 'string' ? model.assetIndex.get(hello.host) : undefined;
    if (host === undefined) return this.refuse('connect needs the host it comes from');
    const id = model.assets[host]!.id;
    if (!this.ctx.secrets.matches(hello.hostToken, this.ctx.secrets.hostToken(id)))
      return this.refuse(`no proof of running on ${id}`, { host: id });
    return { origins: [{ kind: 'host', asset: host }], source: id };
  }
}
