// What the URL's hash holds, so a link or a reload opens the same view: tab, attack, design, asset,
// replay time, theme, colour scale. Pure; `#replay` (a tab alone) is still read.

export const TAB_IDS = ['overview', 'compare', 'replay', 'distributions'] as const;
export type TabId = (typeof TAB_IDS)[number];

export interface ViewState {
  tab: TabId;
  attack?: string;
  design?: string;
  asset?: string;
  /** Replay time, simulated hours. */
  t?: number;
  theme?: 'dark' | 'light';
  palette?: 'risk' | 'cividis';
  /** The printable report instead of the tabs. */
  print?: boolean;
}

/** A change to the state; an undefined field is removed. */
export type StatePatch = { [K in keyof ViewState]?: ViewState[K] | undefined };

const isTab = (s: string): s is TabId => (TAB_IDS as readonly string[]).includes(s);

export function parseState(hash: string): Partial<ViewState> {
  const text = hash.replace(/^#/, '');
  if (text === '') return {};
  if (isTab(text)) return { tab: text };
  if (text === 'print') return { print: true };
  const p = new URLSearchParams(text);
  const out: Partial<ViewState> = {};
  const tab = p.get('tab');
  if (tab !== null && isTab(tab)) out.tab = tab;
  for (const key of ['attack', 'design', 'asset'] as const) {
    const v = p.get(key);
    if (v !== null && v !== '') out[key] = v;
  }
  const t = Number(p.get('t'));
  if (p.has('t') && Number.isFinite(t) && t >= 0) out.t = t;
  const theme = p.get('theme');
  if (theme === 'dark' || theme === 'light') out.theme = theme;
  const palette = p.get('palette');
  if (palette === 'risk' || palette === 'cividis') out.palette = palette;
  if (p.has('print')) out.print = true;
  return out;
}

export function stateHash(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.print) p.set('print', '');
  p.set('tab', s.tab);
  if (s.attack !== undefined) p.set('attack', s.attack);
  if (s.design !== undefined) p.set('design', s.design);
  if (s.asset !== undefined) p.set('asset', s.asset);
  if (s.t !== undefined) p.set('t', String(Math.round(s.t * 1000) / 1000));
  if (s.theme !== undefined) p.set('theme', s.theme);
  if (s.palette !== undefined) p.set('palette', s.palette);
  return `#${p.toString()}`;
}
