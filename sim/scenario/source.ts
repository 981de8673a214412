// One scenario file, parsed: its value, and where any field path of it sits in the text.
import type { IssuePath } from './issues.js';

/** `key` points an issue at a field's key (an unknown field) rather than at its value. */
export type LocateAt = 'value' | 'key';

export interface Position {
  line: number;
  col: number;
}

export interface Source {
  file: string;
  value: Record<string, unknown>;
  /** Where the node at `path` is; a path that leaves the file points at the deepest node on it. */
  position(path: IssuePath, at: LocateAt): Position;
  /** How many leading segments of `path` the file holds. */
  depth(path: IssuePath): number;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
