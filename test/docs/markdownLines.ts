// A Markdown page line by line, each marked inside or outside a fenced code block (the fence
// lines themselves left out): what the docs checks walk, prose or quoted output.

const FENCE = /^\s*(```|~~~)/;

export interface MarkdownLine {
  text: string;
  /** 1-based. */
  line: number;
  fenced: boolean;
}

export function markdownLines(markdown: string): MarkdownLine[] {
  const out: MarkdownLine[] = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((text, i) => {
    const open = FENCE.exec(text);
    if (open) {
      if (fence === undefined) fence = open[1];
      else if (open[1] === fence) fence = undefined;
      return;
    }
    out.push({ text, line: i + 1, fenced: fence !== undefined });
  });
  return out;
}
