// An attack replayed as real connection attempts against a running testbed, along the static
// worst-case plan: tunnels opened with the stolen credential or the hijacked identity,
// credentials presented to hosts, exploits sent, Modbus writes sent with a library client.
// Then every controller is commanded from every way in, so the live side could take more than
// the plan says, not only as much.
import type { Action } from '../model/catalog.js';
import type { PlantModel } from '../model/plantModel.js';
import type { Attack } from '../model/schema.js';
import { policyWindows, staticPlan } from '../metrics/blastRadius.js';
import { probeStates } from '../net/probeStates.js';
import { attemptMove, openFoothold, type WayIn } from './replaySteps.js';
import { controllerProbes } from './replayProbe.js';
import { replayPlan, staticTaken, type ReplayStep, type Taken } from './replayPlan.js';
import type { Testbed, TestbedOptions } from './Testbed.js';

export interface Attempt {
  from: string;
  to: string;
  action: Action | 'login';
  /** entry: a stolen password the plan has no use for; plan: a step of the static worst case; probe: a command to a controller. */
  kind: 'entry' | 'plan' | 'probe';
  /** How the attempt presented itself (the plan's means, or "probe"). */
  means: string;
  ok: boolean;
  /** What happened, in words: the service's answer or the entry point's refusal. */
  detail: string;
  /** Scenario hour of the attempt. */
  hour: number;
}

export interface ReplayResult {
  design: string;
  attack: string;
  attempts: Attempt[];
  probes: Attempt[];
  live: Taken[];
  static: Taken[];
  onlyLive: Taken[];
  onlyStatic: Taken[];
  disruptedLines: string[];
}

/**
 * How to start a testbed for an attack's replay: at its start hour, with its exposed service on
 * the internet, and with an approver who says yes when the attack counts on approval fatigue
 * (the static worst case assumes every approval asked for is granted).
 */
export function testbedOptionsFor(attack: Attack): TestbedOptions {
  const ia = attack.initialAccess;
  return {
    startHour: ia.at,
    approveEverything: attack.approvalFatigue > 0,
    exposed: ia.kind === 'exposed-service' ? [ia.asset] : [],
  };
}

export async function replayAttack(bed: Testbed, attack: Attack): Promise<ReplayResult> {
  const { access } = bed;
  const { radius, origins } = staticPlan(access, attack);
  const plan = replayPlan(radius, origins, access.model);
  // The static analysis takes the worst case over these times; the replay moves forward through them.
  const hours = probeStates(access.model, attack.initialAccess.at, policyWindows(access))
    .map((s) => s.time)
    .sort((a, b) => a - b);
  const ways = new Map<string, WayIn>();
  const taken = new Map<string, string>();
  const attempts: Attempt[] = [];
  // A VPN login does not depend on the hour: tried once, the clock stays where the plan starts.
  for (const step of stolenVpnLogins(radius.credentials, plan, access.model))
    attempts.push({ ...(await stepOnce(bed, step, ways, taken)), kind: 'entry', hour: bed.clock.now });
  for (const step of plan) attempts.push(await stepThroughTimes(bed, step, ways, taken, hours));
  const probes: Attempt[] = [];
  const reached = new Set(radius.assets);
  for (const [name, way] of ways) {
    if (access.model.assetIndex.has(name)) continue;
    for (const asset of access.model.assets) {
      if (!asset.controller) continue;
      // A controller hidden from scans has no address the attacker knows unless the plan found it
      // (a broker's portal lists what it may open anyway).
      if (access.hosts.hidden[asset.index] === 1 && way.user === undefined && !reached.has(asset.id)) continue;
      for (const probe of await controllerProbes(bed, name, way, asset)) {
        probes.push(probe);
        if (
          probe.ok &&
          probe.action !== 'login' &&
          access.model.vocab.action(probe.action)?.level !== 'read' &&
          !taken.has(asset.id)
        )
          taken.set(asset.id, probe.action);
      }
    }
  }
  const live = [...taken].map(([asset, action]) => ({ asset, action }));
  const expected = staticTaken(radius);
  const key = (t: Taken) => `${t.asset}\t${t.action}`;
  const liveKeys = new Set(live.map(key));
  const staticKeys = new Set(expected.map(key));
  return {
    design: access.design.id,
    attack: attack.id,
    attempts,
    probes,
    live,
    static: expected,
    onlyLive: live.filter((t) => !staticKeys.has(key(t))),
    onlyStatic: expected.filter((t) => !liveKeys.has(key(t))),
    disruptedLines: [...bed.services.disrupted],
  };
}

const STOLEN = 'stolen credential';

/**
 * VPN accounts the attacker holds that the plan opens no tunnel with: the password is tried at
 * the concentrator anyway (without a second factor), so a design's refusal shows as an answer.
 */
function stolenVpnLogins(held: readonly string[], plan: readonly ReplayStep[], model: PlantModel): ReplayStep[] {
  const used = new Set(
    plan.flatMap((s) => (s.means.kind === 'foothold' && s.means.origin.kind === 'vpn' ? [s.means.origin.account] : [])),
  );
  return held
    .filter((id) => model.credentials[model.credentialIndex.get(id)!]!.spec.kind === 'vpn-account' && !used.has(id))
    .map((account) => ({
      from: 'attacker',
      to: 'vpn-client',
      action: 'login',
      means: { kind: 'foothold', origin: { kind: 'vpn', account } },
      said: `${STOLEN} ${account}`,
    }));
}

/** Tries a step now, and again at each later probe time while it is refused. */
async function stepThroughTimes(
  bed: Testbed,
  step: ReplayStep,
  ways: Map<string, WayIn>,
  taken: Map<string, string>,
  hours: readonly number[],
): Promise<Attempt> {
  for (;;) {
    const hour = bed.clock.now;
    const attempt = await stepOnce(bed, step, ways, taken);
    const later = hours.find((h) => h > hour);
    if (attempt.ok || later === undefined) return { ...attempt, kind: 'plan', hour };
    bed.clock.advanceTo(later);
  }
}

async function stepOnce(
  bed: Testbed,
  step: ReplayStep,
  ways: Map<string, WayIn>,
  taken: Map<string, string>,
): Promise<Omit<Attempt, 'hour' | 'kind'>> {
  const base = { from: step.from, to: step.to, action: step.action, means: step.said };
  if (step.means.kind === 'foothold') {
    const opened = await openFoothold(bed, step.to, step.means.origin, !step.said.startsWith(STOLEN));
    if (opened.way !== null) ways.set(step.to, opened.way);
    // A host the attack starts on (phishing) is taken by that login.
    if (opened.way !== null && step.means.origin.kind === 'host') taken.set(step.to, 'login');
    return { ...base, ok: opened.way !== null, detail: opened.detail };
  }
  const way = ways.get(step.from);
  if (way === undefined) return { ...base, ok: false, detail: `${step.from} was never opened` };
  const action = step.action as Action;
  const result = await attemptMove(bed, way, step.to, action, step.means);
  if (result.host !== null) ways.set(step.to, result.host);
  if (result.ok && !taken.has(step.to)) taken.set(step.to, action);
  return { ...base, ok: result.ok, detail: result.detail };
}
