// The header's markup and its keyboard: tabs as a WAI-ARIA tablist (arrow keys, Home and End move
// between them), the attack picker, find, export, print, theme and colour scale, opening a bundle.
import type { TabId } from './state.js';

export const TABS: { id: TabId; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'compare', label: 'Side by side' },
  { id: 'replay', label: 'Replay' },
  { id: 'distributions', label: 'Distributions' },
];

export const HEADER_HTML = `
  <header class="app-header">
    <div class="title"><span class="brand">segsim</span><span class="subtitle" data-testid="subtitle"></span></div>
    <nav class="tabs" role="tablist" aria-label="Views"></nav>
    <label class="attack-pick" hidden>Attack <select data-testid="attack-select"></select></label>
    <div class="tools">
      <input type="search" class="find" list="asset-ids" placeholder="Find asset…" aria-label="Find an asset by id and open its story" data-testid="find-asset" />
      <datalist id="asset-ids"></datalist>
      <button type="button" data-action="png" title="Save the current view as PNG">PNG</button>
      <button type="button" data-action="svg" title="Save the current view as SVG">SVG</button>
      <button type="button" data-action="print" title="Print the report (a light page with the overview and every attack)">Print</button>
      <button type="button" data-action="theme" data-testid="theme-toggle" aria-pressed="false" title="Light or dark page">Light</button>
      <button type="button" data-action="palette" data-testid="palette-toggle" aria-pressed="false" title="Colour scale: risk (yellow to red) or cividis, safe for colour-vision deficiency">Colour-blind safe</button>
      <button type="button" data-action="open" title="Open a results bundle (segsim compare --json)">Open bundle…</button>
      <input type="file" accept=".json,application/json" hidden data-testid="file-input" />
    </div>
  </header>`;

/** Fills the tablist and wires its keys; `show` is called with the tab to open. */
export function wireTabs(nav: HTMLElement, show: (id: TabId) => void): void {
  for (const t of TABS) {
    const b = document.createElement('button');
    b.type = 'button';
    b.role = 'tab';
    b.id = `tab-${t.id}`;
    b.dataset.tab = t.id;
    b.textContent = t.label;
    b.addEventListener('click', () => show(t.id));
    nav.appendChild(b);
  }
  nav.addEventListener('keydown', (ev) => {
    const buttons = Array.from(nav.querySelectorAll<HTMLButtonElement>('[role=tab]'));
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to =
      ev.key === 'ArrowRight'
        ? (at + 1) % buttons.length
        : ev.key === 'ArrowLeft'
          ? (at - 1 + buttons.length) % buttons.length
          : ev.key === 'Home'
            ? 0
            : ev.key === 'End'
              ? buttons.length - 1
              : -1;
    if (to < 0) return;
    ev.preventDefault();
    buttons[to]!.focus();
    show(buttons[to]!.dataset.tab as TabId);
  });
}

/** Marks the open tab: selected, and the only one in the page's tab order. */
export function markTab(nav: HTMLElement, id: TabId): void {
  for (const b of Array.from(nav.querySelectorAll<HTMLButtonElement>('[role=tab]'))) {
    const on = b.dataset.tab === id;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
  }
}
