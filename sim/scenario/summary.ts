// A short, machine-readable description of a loaded scenario.
import { describeDistribution } from '../kernel/index.js';
import { statesAuth } from '../model/auth.js';
import type { Attack, Design, Distribution, PlaybookStep, Scenario } from '../model/schema.js';

export interface ScenarioSummary {
  name: string | null;
  /** level: a number, or [lowest, highest] for a zone spanning levels. */
  zones: { id: string; level: number | [number, number]; subnet: string; assets: number }[];
  lines: { id: string; name: string | null; valuePerHour: number; assets: number }[];
  assetsByKind: Record<string, number>;
  assets: number;
  /** Protocols the scenario declares beside the catalogue, as "name/port". */
  protocols: string[];
  /** What the plant's hosts enforce and hold beyond the catalogue's defaults. */
  hosts: {
    servicesWithAuth: number;
    firewalls: number;
    adminCaches: number;
    documents: number;
    escalations: number;
  };
  designs: string[];
  designKinds: Record<string, string[]>;
  attacks: string[];
  /** Per design, in file order: how it lets people in, what watches, what answers. */
  designProfiles: {
    id: string;
    name: string | null;
    access: string;
    sensors: string[];
    response: ResponseProfile | null;
  }[];
  /** Per attack, in file order: where it gets in and how it moves. */
  attackProfiles: { id: string; name: string | null; entry: string; strategy: string }[];
  policyTests: number;
  expectations: number;
}

/** A design's response: its triage time, its playbook's steps in words, its investigation's rates. */
export interface ResponseProfile {
  triage: string;
  steps: string[];
  investigation: string;
}

export function summarize(s: Scenario): ScenarioSummary {
  const count = (pred: (a: Scenario['plant']['assets'][number]) => boolean) => s.plant.assets.filter(pred).length;
  const assetsByKind: Record<string, number> = {};
  for (const a of s.plant.assets) assetsByKind[a.kind] = (assetsByKind[a.kind] ?? 0) + 1;
  return {
    name: s.name ?? null,
    zones: s.plant.zones.map((z) => ({
      id: z.id,
      level: z.level,
      subnet: z.subnet,
      assets: count((a) => a.zone === z.id),
    })),
    lines: s.plant.lines.map((l) => ({
      id: l.id,
      name: l.name ?? null,
      valuePerHour: l.valuePerHour,
      assets: count((a) => a.line === l.id),
    })),
    assetsByKind: Object.fromEntries(Object.entries(assetsByKind).sort(([a], [b]) => a.localeCompare(b))),
    assets: s.plant.assets.length,
    protocols: s.protocols.map((p) => `${p.id}/${p.port}`),
    hosts: {
      servicesWithAuth: s.plant.assets.reduce((n, a) => n + a.services.filter((x) => statesAuth(x)).length, 0),
      firewalls: count((a) => a.firewall !== undefined),
      adminCaches: s.plant.assets.reduce((n, a) => n + a.credentials.filter((c) => c.privilege === 'admin').length, 0),
      documents: s.plant.assets.reduce((n, a) => n + a.documents.length, 0),
      escalations: s.plant.assets.reduce(
        (n, a) => n + a.vulnerabilities.filter((v) => v.effect === 'privilege-escalation').length,
        0,
      ),
    },
    designs: s.designs.map((d) => d.id),
    designKinds: Object.fromEntries(
      s.designs.map((d) => [
        d.id,
        [d.vpn && 'vpn', d.zt && 'zero-trust', d.gateways.length > 0 && 'enclave-gateways'].filter(
          (x): x is string => typeof x === 'string',
        ),
      ]),
    ),
    attacks: s.attacks.map((a) => a.id),
    designProfiles: s.designs.map((d) => ({
      id: d.id,
      name: d.name ?? null,
      access: accessOf(d),
      sensors: [...new Set(d.sensors.map((x) => x.kind))],
      response: responseOf(d),
    })),
    attackProfiles: s.attacks.map((a) => ({
      id: a.id,
      name: a.name ?? null,
      entry: entryOf(a),
      strategy: a.strategy === 'targeted' && a.target ? `targeted at ${a.target.line}` : a.strategy,
    })),
    policyTests: s.designs.reduce((n, d) => n + (d.zt?.policy.tests.length ?? 0), 0),
    expectations: s.expect.length,
  };
}

const plural = (n: number, what: string, many = `${what}s`) => `${n} ${n === 1 ? what : many}`;

/** The design's ways in, e.g. "VPN (2 accounts, MFA); zero trust (9 rules, PDP blocks on its telemetry); 6 enclave gateways". */
function accessOf(d: Design): string {
  const parts: string[] = [];
  if (d.vpn) parts.push(`VPN (${plural(d.vpn.accounts.length, 'account')}, ${d.vpn.mfa ? 'MFA' : 'no MFA'})`);
  if (d.zt)
    parts.push(
      `zero trust (${plural(d.zt.policy.rules.length, 'rule')}${d.zt.blockOnDetection ? ', PDP blocks on its telemetry' : ''})`,
    );
  if (d.gateways.length > 0) parts.push(plural(d.gateways.length, 'enclave gateway'));
  if (d.hardening.length > 0) parts.push(`hardens hosts (${plural(d.hardening.length, 'entry', 'entries')})`);
  if (d.hidden.length > 0) parts.push(`hides hosts from scans (${plural(d.hidden.length, 'selector')})`);
  if (!d.internetFacing) parts.push('no internet exposure');
  return parts.length > 0 ? parts.join('; ') : 'no remote access';
}

function responseOf(d: Design): ResponseProfile | null {
  const r = d.response;
  if (r === undefined) return null;
  const { perHour, linkedPerHour } = r.investigation;
  const percent = (p: number) => `${+(p * 100).toFixed(1)}%`;
  return {
    triage: hoursOf(r.time),
    steps: [...r.actions, ...r.playbook.map(stepOf)],
    investigation: `${percent(perHour)} an hour, ${percent(linkedPerHour)} with a lead`,
  };
}

/** e.g. "quarantine-zone [dmz] after 1 h, 90%, for triangular(12, 24, 48) h". */
function stepOf(step: PlaybookStep): string {
  const scope = step.zones ?? step.accounts ?? step.credentials;
  const parts = [
    step.after.dist === 'constant' && step.after.value === 0 ? '' : `after ${hoursOf(step.after)}`,
    step.probability === 1 ? '' : `${Math.round(step.probability * 100)}%`,
    step.duration === undefined ? '' : `for ${hoursOf(step.duration)}`,
  ].filter((x) => x !== '');
  return `${step.action}${scope ? ` [${scope.join(', ')}]` : ''}${parts.length > 0 ? ` ${parts.join(', ')}` : ''}`;
}

const hoursOf = (d: Distribution) => (d.dist === 'constant' ? `${d.value} h` : describeDistribution(d));

function entryOf(a: Attack): string {
  const i = a.initialAccess;
  const at = i.at > 0 ? ` at ${i.at} h` : '';
  switch (i.kind) {
    case 'stolen-credential':
      return `stolen credential ${i.credential}${at}`;
    case 'compromised-device':
      return `compromised device ${i.device}${i.liveSession ? ' riding its live session' : ''}${at}`;
    case 'insider':
      return `insider ${i.user}${i.device ? ` on ${i.device}` : ''}${at}`;
    case 'exposed-service':
      return `internet-exposed ${i.asset}${at}`;
    case 'phishing':
      return `phished ${i.asset}${at}`;
  }
}
