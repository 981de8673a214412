// Colours: a colour-vision-deficiency-safe sequential scale (cividis) for compromise rates and the
// Okabe-Ito palette for event categories; categories also differ by line style or shape.
import { interpolateCividis, scaleSequential } from 'd3';

export const heat = scaleSequential(interpolateCividis).domain([0, 1]);

/** The fill for an asset compromised in a replay: the hot end of the heat scale. */
export const OWNED = heat(1);
export const UNTOUCHED = heat(0);

export const EVENT = {
  success: '#E69F00', // orange
  failure: '#BBBBBB', // grey
  denied: '#56B4E9', // sky blue
  detect: '#D55E00', // vermillion
  revoke: '#009E73', // bluish green
  entry: '#E69F00',
  technician: '#CC79A7', // reddish purple
} as const;

export const THEME = {
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
} as const;
