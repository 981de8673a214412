// The attack paths a page quotes in its code blocks, each with the segsim command quoted above it
// (in the same block or the nearest one before): what the docs-quote test runs and compares.

export interface QuotedPath {
  /** The path step as written, tree glyphs and indentation removed. */
  step: string;
  line: number;
  /** The segsim command's arguments, or null when no command precedes the path. */
  command: string[] | null;
}

const FENCE = /^\s*(```|~~~)/;
/** `from → to  action  via means  [T0000 …]`, the way reach prints a step. */
const STEP = /\S+ → \S+ {2}\S+ {2}via .+ {2}\[T\d{4}/;
const COMMAND = /^\s*(?:\$\s+)?(?:npx\s+)?(?:segsim|node\s+bin\/segsim\.mjs)\s+(.*)$/;

/** A reach output line without its tree drawing, for comparison. */
export const normalizeStep = (line: string): string => line.replace(/^[\s│├└─]+/, '').trimEnd();

export function quotedPaths(markdown: string): QuotedPath[] {
  const out: QuotedPath[] = [];
  let fence: string | undefined;
  let command: string[] | null = null;
  markdown.split('\n').forEach((raw, i) => {
    const open = FENCE.exec(raw);
    if (open) {
      if (fence === undefined) fence = open[1];
      else if (open[1] === fence) fence = undefined;
      return;
    }
    if (fence === undefined) return;
    const cmd = COMMAND.exec(raw);
    if (cmd)
      command = cmd[1]!
        .replace(/\s+#.*$/, '')
        .trim()
        .split(/\s+/);
    else if (STEP.test(raw)) out.push({ step: normalizeStep(raw), line: i + 1, command });
  });
  return out;
}
