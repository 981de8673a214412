// Colours. Compromise rates on a scale where risk reads as risk (pale yellow → orange → red, lighter
// to darker, so it also reads in grey) or, on request, cividis for colour-vision deficiency; 0 stays
// neutral. Events use the Okabe-Ito palette; categories also differ by line style or shape. Two
// themes (dark, light) share every name: views read THEME when they draw.
import { interpolateCividis, interpolateRgbBasis } from 'd3';

export type Palette = 'risk' | 'cividis';
export type ThemeName = 'dark' | 'light';

const RISK = interpolateRgbBasis(['#f7e27c', '#f5a524', '#ee5a24', '#d0202c']);

const DARK = {
  background: '#0f141b',
  panel: '#161d27',
  band: '#1a1f26',
  bandAlt: '#161a20',
  zone: '#2a313b',
  zoneStroke: '#4a5667',
  glyphStroke: '#a9b6c4',
  text: '#e6edf3',
  muted: '#9aa7b4',
  conduit: '#7c8fa6',
  worstOutline: '#ffffff',
  untouched: '#4b5a6c',
  halo: '#0f141b',
};

const LIGHT: typeof DARK = {
  background: '#ffffff',
  panel: '#f4f6f8',
  band: '#eef1f4',
  bandAlt: '#f7f8fa',
  zone: '#ffffff',
  zoneStroke: '#9aa7b4',
  glyphStroke: '#3d4a59',
  text: '#16202b',
  muted: '#4f5d6b',
  conduit: '#5d7088',
  worstOutline: '#16202b',
  untouched: '#c3ccd6',
  halo: '#ffffff',
};

/** The current theme's colours; setTheme changes them in place. */
export const THEME = { ...DARK };
let themeName: ThemeName = 'dark';
let palette: Palette = 'risk';

export function setTheme(name: ThemeName): void {
  themeName = name;
  Object.assign(THEME, name === 'light' ? LIGHT : DARK);
}

export const currentTheme = (): ThemeName => themeName;

export function setPalette(p: Palette): void {
  palette = p;
}

export const currentPalette = (): Palette => palette;

/** The fill for a share of runs in which an asset fell. */
export function heat(share: number): string {
  if (!(share > 0)) return THEME.untouched;
  const p = Math.min(1, share);
  return palette === 'cividis' ? interpolateCividis(0.15 + 0.85 * p) : RISK(p);
}

/** The fill for an asset compromised in a replay: the hot end of the scale. */
export const owned = () => heat(1);

export const EVENT = {
  success: '#E69F00', // orange
  failure: '#BBBBBB', // grey
  denied: '#56B4E9', // sky blue
  detect: '#D55E00', // vermillion
  revoke: '#009E73', // bluish green
  entry: '#E69F00',
  technician: '#CC79A7', // reddish purple
} as const;
