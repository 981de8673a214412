// The attack paths a page quotes in its code blocks, each with the segsim command quoted above it
// (in the same block or the nearest one before): what the docs-quote test runs and compares.
import { markdownLines } from './markdownLines.js';

export interface QuotedPath {
  /** The path step as written, tree glyphs and indentation removed. */
  step: string;
  line: number;
  /** The segsim command's arguments, or null when no command precedes the path. */
  command: string[] | null;
}

/** `from → to  action  via means  [T0000 …]`, the way reach prints a step. */
const STEP = /\S+ → \S+ {2}\S+ {2}via .+ {2}\[T\d{4}/;
const COMMAND = /^\s*(?:\$\s+)?(?:npx\s+)?(?:segsim|node\s+bin\/segsim\.mjs)\s+(.*)$/;

/** A reach output line without its tree drawing, for comparison. */
export const normalizeStep = (line: string): string => line.replace(/^[\s│├└─]+/, '').trimEnd();

export function quotedPaths(markdown: string): QuotedPath[] {
  const out: QuotedPath[] = [];
  let command: string[] | null = null;
  for (const { text: raw, line, fenced } of markdownLines(markdown)) {
    if (!fenced) continue;
    const cmd = COMMAND.exec(raw);
    if (cmd)
      command = cmd[1]!
        .replace(/\s+#.*$/, '')
        .trim()
        .split(/\s+/);
    else if (STEP.test(raw)) out.push({ step: normalizeStep(raw), line, command });
  }
  return out;
}
