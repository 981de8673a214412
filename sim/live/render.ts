// The testbed in words: where everything listens, and what a replay did.
import type { AuditLog } from '../policy/index.js';
import type { Attempt, ReplayResult } from './replay.js';
import type { Taken } from './replayPlan.js';
import type { Testbed } from './Testbed.js';

export function renderEndpoints(bed: Testbed): string {
  const out = [`Testbed: ${bed.access.design.id} on 127.0.0.1 (one port per service, picked at start)`, ''];
  out.push('Entry points');
  for (const e of bed.entries) out.push(`  ${e.name.padEnd(18)} 127.0.0.1:${e.port}`);
  out.push('', 'Plant services (the plant inside: reach them through an entry point)');
  out.push(`  ${'asset'.padEnd(16)} ${'zone'.padEnd(14)} ${'service'.padEnd(14)} listens on`);
  for (const s of bed.services.endpoints)
    out.push(
      `  ${s.asset.padEnd(16)} ${s.zone.padEnd(14)} ${`${s.protocol}/${s.modelPort}`.padEnd(14)} 127.0.0.1:${s.port}`,
    );
  return `${out.join('\n')}\n`;
}

export function renderReplay(r: ReplayResult, audit: AuditLog): string {
  const out = [`Live replay: ${r.attack} under ${r.design}, real connections on 127.0.0.1`, ''];
  out.push("The attacker's way in and the static worst case's paths, step by step");
  if (r.attempts.length === 0) out.push('  no step: the attacker holds nothing that opens a way in');
  for (const a of r.attempts) out.push(attemptLine(a));
  if (r.probes.length > 0) {
    out.push(
      '',
      'Every controller commanded from each way in (Modbus: a library client reads, then writes register 0)',
    );
    for (const a of r.probes) out.push(attemptLine(a));
  }
  out.push('', `  lines disrupted   ${r.disruptedLines.length === 0 ? 'none' : r.disruptedLines.join(', ')}`);
  out.push(`  audit trail       ${audit.records.length} record${audit.records.length === 1 ? '' : 's'}`);
  out.push('');
  const same = r.onlyLive.length === 0 && r.onlyStatic.length === 0;
  out.push(
    `Compared with \`segsim reach\`: ${r.live.length} (asset, action) pairs taken live, ${r.static.length} in the static blast radius: ${same ? 'the same' : 'they differ'}`,
  );
  if (!same) {
    out.push(`  only live    ${pairs(r.onlyLive)}`);
    out.push(`  only static  ${pairs(r.onlyStatic)}`);
  }
  return `${out.join('\n')}\n`;
}

function attemptLine(a: Attempt): string {
  const how = a.kind === 'probe' ? '' : `${a.means}: `;
  return `  ${(a.ok ? 'ok' : 'refused').padEnd(8)} ${`${a.from} → ${a.to}`.padEnd(40)} ${a.action.padEnd(13)} ${how}${a.detail}`;
}

function pairs(list: readonly Taken[]): string {
  return list.length === 0 ? 'none' : list.map((t) => `${t.asset} ${t.action}`).join(', ');
}
