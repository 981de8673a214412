// reach: the static blast radius of an attack under a design, or what two designs expose differently.
import type { Command } from 'commander';
import { AccessLayer } from '../../net/AccessLayer.js';
import { diffExposure, exposure, groupExposure, type Exposure, type ExposureEntry } from '../../net/exposure.js';
import { staticBlastRadius, type BlastRadius, type PathStep } from '../../metrics/blastRadius.js';
import { rankFixes } from '../../metrics/fixes.js';
import { renderFixes } from '../../report/fixesText.js';
import { pathTree } from '../../report/pathTree.js';
import type { Stop, StopLayer } from '../../metrics/stops.js';
import { technique } from '../../attack/techniques.js';
import type { PlantModel } from '../../model/plantModel.js';
import type { Attack } from '../../model/schema.js';
import { usageError } from '../errors.js';
import { attackOption, designOption } from '../options.js';
import { openScenario, pickAttack, pickDesign, type ScenarioContext } from '../scenarioContext.js';
import { writeText } from '../terminal.js';

export function registerReach(program: Command): Command {
  return program
    .command('reach')
    .description(
      'Static blast radius: everything an attack can reach under a design, ignoring probability, timing and detection, with one shortest attack path per asset',
    )
    .argument('<scenario>', 'scenario YAML file')
    .addOption(designOption())
    .addOption(attackOption('attack'))
    .option(
      '--diff <designs...>',
      "compare two designs: the connections each allows that the other does not, from every host, the VPN client and each user's brokered session",
    )
    .option(
      '--fixes',
      'rank the single changes that shrink the worst case most (remove a conduit or VPN service, stop caching a credential, change a default password, patch a vulnerability, require an approval in or narrow a zero-trust rule), each re-run through the static analysis',
    )
    .option('--top <n>', 'with --diff: rows of the most-exposed-services table; with --fixes: fixes listed', '10')
    .option(
      '--json',
      'machine-readable output: assets, plcs, lines, lowestLevel, paths, stopped (with --diff: onlyA, onlyB, counts; with --fixes: before, tried, fixes)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ segsim reach scenarios/pharma.yaml --design vpn-flat --attack stolen-vendor-credential
  $ segsim reach scenarios/pharma.yaml -d zt -a compromised-vendor-laptop --json | jq .plcs
  $ segsim reach scenarios/pharma.yaml --diff vpn-flat zt
  $ segsim reach scenarios/pharma.yaml --diff vpn-segmented zt --attack stolen-vendor-credential
  $ segsim reach scenarios/pharma.yaml --diff vpn-flat zt --json | jq '.onlyA | length'
  $ segsim reach scenarios/pharma.yaml -d vpn-segmented -a stolen-vendor-credential --fixes

With --diff, connections are probed at the attack's start (0 without --attack) and at each
maintenance window's next opening; put the scenario file before --diff.

With --fixes, only changes that touch a step of the worst case's attack paths are tried (any other
change leaves every path, so the worst case, as it is): the work grows with the paths, not with the
plant, and each change costs one static analysis (about a second each on a 500-asset plant).`,
    )
    .action(
      async (
        file: string,
        opts: { design?: string; attack?: string; json?: boolean; diff?: string[]; top: string; fixes?: boolean },
      ) => {
        if (opts.diff !== undefined && opts.fixes) throw usageError('--fixes is for one design: leave out --diff');
        if (opts.diff !== undefined) return diffAction(file, opts.diff, opts);
        const top = wholeNumber(opts.top);
        const ctx = await openScenario(file);
        const design = pickDesign(ctx, opts.design);
        const attack = pickAttack(ctx, opts.attack);
        const radius = staticBlastRadius(new AccessLayer(ctx.model, design), attack, { explain: true });
        if (opts.fixes) {
          const ranking = rankFixes(ctx.model, design, attack, radius);
          const shown = { ...ranking, fixes: ranking.fixes.slice(0, top) };
          return void process.stdout.write(
            opts.json ? `${JSON.stringify(shown, null, 2)}\n` : renderFixes(ranking, top),
          );
        }
        opts.json ? process.stdout.write(`${JSON.stringify(radius, null, 2)}\n`) : writeText(renderBlastRadius(radius));
      },
    );
}

export function renderBlastRadius(r: BlastRadius): string {
  const out = [`Static blast radius: ${r.attack} under ${r.design}`, ''];
  out.push(`  owned assets      ${r.assets.length}`);
  out.push(`  controllers       ${r.plcs.length}${r.plcs.length ? `  (${r.plcs.join(', ')})` : ''}`);
  out.push(`  lines touched     ${r.lines.length ? r.lines.join(', ') : 'none'}`);
  out.push(`  lowest level      ${r.lowestLevel === null ? '-' : `Purdue L${r.lowestLevel}`}`);
  out.push(`  credentials held  ${r.credentials.join(', ') || 'none'}`);
  if (r.assets.length === 0) {
    out.push('', '  Nothing is reachable: no foothold leads to an asset the attacker can own or command.');
  } else {
    out.push('', 'Attack paths (one executable path per asset; shared first steps printed once)');
    const paths = r.assets.map((asset) => r.paths[asset] ?? []);
    const words = (s: PathStep) =>
      `${s.from} → ${s.to}  ${s.action}  via ${s.means}  [${s.technique} ${technique(s.technique).name}]`;
    for (const line of pathTree(paths, words)) out.push(`  ${line}`);
  }
  out.push(...renderStops(r.stopped ?? []));
  return `${out.join('\n')}\n`;
}

/** Most stops listed in full; the rest counted by layer. */
const STOPS_SHOWN = 20;

/** Assets a foothold tried and did not take, with the layer that stopped it there. */
function renderStops(stops: readonly Stop[]): string[] {
  if (stops.length === 0) return [];
  const out = ['', `Stopped short (${stops.length} tried and not taken: the layer that stopped the attacker)`];
  const width = Math.max(...stops.slice(0, STOPS_SHOWN).map((s) => s.asset.length));
  for (const s of stops.slice(0, STOPS_SHOWN))
    out.push(`  ${s.asset.padEnd(width)}  ${LAYER_WORDS[s.layer].padEnd(15)}  ${s.detail}`);
  const rest = stops.slice(STOPS_SHOWN);
  if (rest.length > 0) {
    const byLayer = new Map<string, number>();
    for (const s of rest) byLayer.set(LAYER_WORDS[s.layer], (byLayer.get(LAYER_WORDS[s.layer]) ?? 0) + 1);
    out.push(`  and ${rest.length} more: ${[...byLayer].map(([l, n]) => `${n} ${l}`).join(', ')}`);
  }
  return out;
}

const LAYER_WORDS: Record<StopLayer, string> = {
  'no-service': 'no service',
  conduit: 'conduit',
  'micro-segmentation': 'micro-segment',
  'vpn-route': 'VPN route',
  gateway: 'gateway',
  pdp: 'zero-trust PDP',
  'no-connector': 'no connector',
  isolated: 'isolated',
  'not-exposed': 'not exposed',
  'host-firewall': 'host firewall',
  quarantine: 'quarantine',
  'vpn-shut': 'VPN shut',
  'broker-shut': 'broker shut',
  authentication: 'authentication',
  hidden: 'hidden',
};

interface DiffReport {
  designs: [string, string];
  attack: string | null;
  times: number[];
  sources: { a: string[]; b: string[] };
  totals: { a: number; b: number };
  onlyA: ExposureEntry[];
  onlyB: ExposureEntry[];
  counts: { asset: string; zone: string; service: string; a: number; b: number }[];
  blastRadius: { a: string[]; b: string[]; onlyA: string[]; onlyB: string[] } | null;
}

async function diffAction(
  file: string,
  ids: string[],
  opts: { design?: string; attack?: string; json?: boolean; top: string },
): Promise<void> {
  if (ids.length !== 2)
    throw usageError(
      `--diff takes two designs, got ${ids.length}${ids.length > 2 ? ' (put the scenario file before --diff)' : ''}`,
    );
  if (opts.design !== undefined) throw usageError('--diff and --design do not go together: --diff names both designs');
  const top = wholeNumber(opts.top);
  const ctx = await openScenario(file);
  const report = diffReport(
    ctx,
    pickDesign(ctx, ids[0]),
    pickDesign(ctx, ids[1]),
    opts.attack === undefined ? undefined : pickAttack(ctx, opts.attack),
  );
  opts.json
    ? process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    : writeText(renderExposureDiff(ctx.model, report, top));
}

function diffReport(
  ctx: ScenarioContext,
  a: ScenarioContext['scenario']['designs'][number],
  b: typeof a,
  attack: Attack | undefined,
): DiffReport {
  const accessA = new AccessLayer(ctx.model, a);
  const accessB = new AccessLayer(ctx.model, b);
  const at = attack?.initialAccess.at ?? 0;
  const [ea, eb] = [exposure(accessA, { at }), exposure(accessB, { at })];
  const diff = diffExposure(ea, eb);
  let blastRadius: DiffReport['blastRadius'] = null;
  if (attack !== undefined) {
    const [ra, rb] = [staticBlastRadius(accessA, attack).assets, staticBlastRadius(accessB, attack).assets];
    blastRadius = { a: ra, b: rb, onlyA: ra.filter((x) => !rb.includes(x)), onlyB: rb.filter((x) => !ra.includes(x)) };
  }
  return {
    designs: [a.id, b.id],
    attack: attack?.id ?? null,
    times: ea.times,
    sources: { a: ea.sources, b: eb.sources },
    totals: { a: ea.entries.length, b: eb.entries.length },
    onlyA: diff.onlyA,
    onlyB: diff.onlyB,
    counts: mergeCounts(ea, eb),
    blastRadius,
  };
}

/** Exposure per asset and service under both designs, most exposed (under either) first. */
function mergeCounts(a: Exposure, b: Exposure): DiffReport['counts'] {
  const rows = new Map<string, DiffReport['counts'][number]>();
  for (const [side, e] of [
    ['a', a],
    ['b', b],
  ] as const)
    for (const c of e.counts) {
      const key = `${c.asset}\t${c.service}`;
      const row = rows.get(key) ?? { asset: c.asset, zone: c.zone, service: c.service, a: 0, b: 0 };
      row[side] = c.sources;
      rows.set(key, row);
    }
  return [...rows.values()].sort((x, y) => Math.max(y.a, y.b) - Math.max(x.a, x.b) || y.a + y.b - (x.a + x.b));
}

export function renderExposureDiff(model: PlantModel, r: DiffReport, top: number): string {
  const [A, B] = r.designs;
  const hours = r.times.map((t) => `${+t.toFixed(3)} h`).join(' and ');
  const out = [`Exposure: ${A} vs ${B}, probed at ${hours}`, ''];
  const remote = (mine: string[], theirs: string[]) =>
    mine.filter((s) => !model.assetIndex.has(s) && !theirs.includes(s));
  const hosts = r.sources.a.filter((s) => model.assetIndex.has(s)).length;
  out.push(
    `  sources       ${hosts} hosts one can run tools on${describeRemote(A, remote(r.sources.a, r.sources.b))}${describeRemote(B, remote(r.sources.b, r.sources.a))}`,
  );
  out.push(`  connections   ${A} allows ${r.totals.a}, ${B} allows ${r.totals.b} (source, asset, function) triples`);
  out.push(`  difference    ${r.onlyA.length} only under ${A}, ${r.onlyB.length} only under ${B}`);
  for (const [design, entries] of [
    [A, r.onlyA],
    [B, r.onlyB],
  ] as const) {
    out.push('', `Only under ${design} (${entries.length})`);
    if (entries.length === 0) out.push('  nothing');
    for (const g of groupExposure(model, entries)) {
      const who =
        g.sources.length > 3
          ? `${g.sources.slice(0, 3).join(', ')} and ${g.sources.length - 3} more`
          : g.sources.join(', ');
      out.push(
        `  from ${who}${g.sources.length > 1 ? ` (${g.sources.length} sources, same reach)` : ''}  ${g.entries} connection${g.entries === 1 ? '' : 's'}`,
      );
      for (const t of g.targets)
        out.push(`    ${t.zone.padEnd(14)} ${listOf(t.assets).padEnd(34)}  ${t.actions.join(' ')}`);
    }
  }
  if (r.blastRadius !== null) {
    const br = r.blastRadius;
    out.push('', `Static blast radius of ${r.attack}: ${A} owns ${br.a.length}, ${B} owns ${br.b.length}`);
    out.push(`  only under ${A}  ${br.onlyA.length === 0 ? 'nothing' : `${br.onlyA.length}: ${br.onlyA.join(', ')}`}`);
    out.push(`  only under ${B}  ${br.onlyB.length === 0 ? 'nothing' : `${br.onlyB.length}: ${br.onlyB.join(', ')}`}`);
  }
  if (top > 0 && r.counts.length > 0) {
    const w = Math.max(A.length, B.length, 6);
    out.push('', 'Most exposed services (how many sources open them)');
    out.push(`  ${'asset'.padEnd(16)} ${'zone'.padEnd(14)} ${'service'.padEnd(12)} ${A.padStart(w)}  ${B.padStart(w)}`);
    for (const c of r.counts.slice(0, top))
      out.push(
        `  ${c.asset.padEnd(16)} ${c.zone.padEnd(14)} ${c.service.padEnd(12)} ${String(c.a).padStart(w)}  ${String(c.b).padStart(w)}`,
      );
  }
  return `${out.join('\n')}\n`;
}

function wholeNumber(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n))
    throw usageError(`--top must be a whole number, got "${text}"`);
  return n;
}

function describeRemote(design: string, names: string[]): string {
  return names.length === 0 ? '' : `; ${names.join(', ')} (${design} only)`;
}

function listOf(assets: string[]): string {
  return assets.length > 4 ? `${assets.slice(0, 3).join(', ')} and ${assets.length - 3} more` : assets.join(', ');
}
