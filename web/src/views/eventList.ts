// The replay's event list: one row per trace event, the current one highlighted, future ones dim.
import { eventFacts, type Outcome } from '../../../sim/contract/eventFacts.js';
import type { TraceEvent } from '../data/bundle.js';
import { clock } from '../format.js';
import { escapeXml } from '../map/assetLayers.js';

const esc = escapeXml;

const OUTCOME: Record<Outcome, string> = {
  success: '✓ success',
  failure: '✗ failed',
  denied: '⊘ denied',
  pending: '… pending',
  info: '· info',
};

const TYPE: Record<TraceEvent['type'], string> = {
  'attack.initial': 'initial access',
  'attack.no-entry': 'no way in',
  'attack.foothold': 'foothold',
  'attack.discover': 'discovery',
  'attack.step': 'attack step',
  'attack.harvest': 'credential harvest',
  'attack.escalate': 'privilege escalation',
  'attack.read': 'document read',
  'attack.unable': 'step not possible',
  'attack.refused': 'attempt refused',
  'attack.held': 'held for approval',
  'attack.impact': 'impact',
  'attack.foothold-lost': 'foothold lost',
  'attack.reentry': 'back in',
  'approval.granted': 'approval granted',
  'approval.refused': 'approval refused',
  'defense.detect': 'detection',
  'defense.respond': 'response round',
  'defense.find': 'finding',
  'defense.act': 'playbook step',
  'defense.lift': 'cut lifted',
  'defense.contain': 'containment',
  'pdp.block': 'PDP block',
  'line.recovered': 'recovery',
  'workload.request': 'service request',
  'workload.access': 'service access',
  'workload.failed': 'no service access',
};

export const isTechnician = (e: TraceEvent) => eventFacts(e).actor === 'technician';

export class EventList {
  readonly element: HTMLElement;
  private readonly rows: HTMLTableRowElement[] = [];
  private cursor = 0;

  constructor(trace: readonly TraceEvent[], onPick: (cursor: number) => void) {
    this.element = document.createElement('div');
    this.element.className = 'event-list hide-technician';
    const table = document.createElement('table');
    table.innerHTML =
      '<thead><tr><th>t</th><th>technique</th><th>event</th><th>decision</th><th>reason</th></tr></thead>';
    const body = document.createElement('tbody');
    trace.forEach((e, i) => {
      const f = eventFacts(e);
      const tr = document.createElement('tr');
      tr.className = `future actor-${f.actor} outcome-${f.outcome}${f.actor === 'technician' ? ' technician' : ''}`;
      tr.dataset.index = String(i);
      const decision = [
        OUTCOME[f.outcome],
        f.rule ? `rule ${esc(f.rule)}` : '',
        f.mitigation ? `stopped by ${esc(f.mitigation)}` : '',
      ]
        .filter(Boolean)
        .join(' · ');
      const hop =
        f.source || f.target ? `${esc(f.source ?? '')}${f.source && f.target ? ' → ' : ''}${esc(f.target ?? '')}` : '';
      tr.innerHTML =
        `<td class="t">${clock(e.t)}</td><td class="technique">${esc(f.technique ?? '')}</td>` +
        `<td class="what"><span class="actor">${esc(f.actor)}</span> ${TYPE[e.type] ?? esc(e.type)}${f.action ? ` <code>${esc(f.action)}</code>` : ''}${hop ? `<div class="hop">${hop}</div>` : ''}</td>` +
        `<td class="decision">${decision}</td><td class="reason">${esc(e.detail)}</td>`;
      tr.addEventListener('click', () => onPick(i + 1));
      body.appendChild(tr);
      this.rows.push(tr);
    });
    table.appendChild(body);
    this.element.appendChild(table);
  }

  showTechnician(show: boolean): void {
    this.element.classList.toggle('hide-technician', !show);
  }

  /** Marks events before `cursor` as past and the last of them as current. */
  setCursor(cursor: number): void {
    const from = Math.min(this.cursor, cursor);
    const to = Math.max(this.cursor, cursor);
    for (let i = from; i < to; i++) this.rows[i]?.classList.toggle('future', i >= cursor);
    this.rows[this.cursor - 1]?.classList.remove('current');
    this.cursor = cursor;
    const row = this.rows[cursor - 1];
    if (row) {
      row.classList.add('current');
      const box = this.element;
      const top = row.offsetTop;
      if (top < box.scrollTop + 30 || top > box.scrollTop + box.clientHeight - 40)
        box.scrollTop = top - box.clientHeight / 2;
    } else this.element.scrollTop = 0;
  }
}
