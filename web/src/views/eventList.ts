// The replay's event list: one row per trace event, the current one highlighted, future ones dim.
import type { TraceEvent } from '../data/bundle.js';
import { clock } from '../format.js';
import { escapeXml } from '../map/assetLayers.js';

const esc = escapeXml;

const OUTCOME: Record<TraceEvent['outcome'], string> = {
  success: '✓ success',
  failure: '✗ failed',
  denied: '⊘ denied',
  pending: '… pending',
  info: '· info',
};

const TYPE: Record<TraceEvent['type'], string> = {
  'attack.initial': 'initial access',
  'attack.discover': 'discovery',
  'attack.step': 'attack step',
  'attack.denied': 'attempt refused',
  'attack.impact': 'impact',
  'defense.detect': 'detection',
  'defense.respond': 'response',
  'defense.recover': 'recovery',
  'policy.revoke': 'revocation',
  'policy.approve': 'approval',
  'workload.request': 'service request',
  'workload.access': 'service access',
};

export const isTechnician = (e: TraceEvent) => e.type.startsWith('workload.');

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
      const tr = document.createElement('tr');
      tr.className = `future actor-${e.actor} outcome-${e.outcome}${isTechnician(e) ? ' technician' : ''}`;
      tr.dataset.index = String(i);
      const decision = [
        OUTCOME[e.outcome],
        e.decision ? `rule ${esc(e.decision)}` : '',
        e.mitigation ? `stopped by ${esc(e.mitigation)}` : '',
      ]
        .filter(Boolean)
        .join(' · ');
      const hop =
        e.source || e.target ? `${esc(e.source ?? '')}${e.source && e.target ? ' → ' : ''}${esc(e.target ?? '')}` : '';
      tr.innerHTML =
        `<td class="t">${clock(e.t)}</td><td class="technique">${esc(e.technique ?? '')}</td>` +
        `<td class="what"><span class="actor">${esc(e.actor)}</span> ${TYPE[e.type] ?? esc(e.type)}${e.action ? ` <code>${esc(e.action)}</code>` : ''}${hop ? `<div class="hop">${hop}</div>` : ''}</td>` +
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
