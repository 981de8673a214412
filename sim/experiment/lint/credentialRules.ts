// Lint rule: credentials cached on a host that someone on the remote side can log on to. Whoever
// hijacks that VPN client or brokered session is one logon away from the cached credentials.
import { AccessLayer } from '../../net/AccessLayer.js';
import { exposureSources } from '../../net/exposure.js';
import { probeStates } from '../../net/probeStates.js';
import type { LintContext, LintFinding } from './catalog.js';

export function cachedCredentialReachable({ model }: LintContext): LintFinding[] {
  const holders = model.assets.filter((a) => a.foothold && a.storedCredentials.length > 0);
  if (holders.length === 0) return [];
  const states = probeStates(model, 0);
  // asset index → "design: source (protocols)" phrases, in design order
  const reached = new Map<number, string[]>();
  for (const design of model.scenario.designs) {
    const access = new AccessLayer(model, design);
    const remote = exposureSources(access).filter((s) => s.origin.kind !== 'host');
    for (const asset of holders) {
      const interactive = [...new Set(asset.services.map((s) => s.protocol))].filter(
        (p) => model.vocab.protocol(p)!.interactive,
      );
      const bySource = remote.flatMap((source) => {
        const protocols = interactive.filter((p) =>
          model.vocab
            .actionsOf(p)
            .some((action) => states.some((state) => access.connect(source.origin, asset.index, action, state).ok)),
        );
        return protocols.length === 0 ? [] : [`${source.name} (${protocols.join(', ')})`];
      });
      if (bySource.length > 0)
        reached.set(asset.index, [...(reached.get(asset.index) ?? []), `${design.id}: ${bySource.join(', ')}`]);
    }
  }
  return [...reached].map(([index, phrases]) => {
    const asset = model.assets[index]!;
    const cached = asset.storedCredentials.map((c) => model.credentials[c]!.id).join(', ');
    return {
      rule: 'cached-credential-reachable',
      path: ['plant', 'assets', index, 'credentials'],
      message: `${asset.id} caches ${cached} and opens a remote logon to the remote side: ${phrases.join('; ')}`,
    };
  });
}
