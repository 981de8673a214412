// Relative links and images in Markdown, and whether they lead anywhere: the target file exists
// and, for a #fragment into a Markdown file, that file has the heading.
import { posix } from 'node:path';
import { markdownLines } from './markdownLines.js';

export interface Link {
  target: string;
  line: number;
}

/** What the checker may ask of the files around it (the disk, or a map in a unit test). */
export interface Files {
  exists(path: string): boolean;
  read(path: string): string;
}

const LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

/** Each line outside fenced code blocks, with inline code blanked out, and its 1-based number. */
function proseLines(markdown: string): { text: string; line: number }[] {
  return markdownLines(markdown)
    .filter((l) => !l.fenced)
    .map(({ text, line }) => ({ text: text.replace(/(`+)[\s\S]*?\1/g, (code) => ' '.repeat(code.length)), line }));
}

/** Every link and image target `[..](target)` / `![..](target)` outside code. */
export function extractLinks(markdown: string): Link[] {
  const links: Link[] = [];
  for (const { text, line } of proseLines(markdown)) {
    for (const m of text.matchAll(LINK)) links.push({ target: m[1]!, line });
  }
  return links;
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped (hyphens kept), spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown file's headings; a repeated heading gets -1, -2, … as on GitHub. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text, fenced } of markdownLines(markdown)) {
    if (fenced) continue;
    const h = HEADING.exec(text);
    if (!h) continue;
    const base = slug(h[2]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

function isExternal(target: string): boolean {
  return /^(https?:|mailto:)/i.test(target);
}

/**
 * The broken relative links of one Markdown file, as `file:line  target  reason`. `file` is the
 * file's path relative to the repository root, in posix form; targets resolve against its folder.
 */
export function brokenLinks(file: string, markdown: string, files: Files): string[] {
  const problems: string[] = [];
  for (const { target, line } of extractLinks(markdown)) {
    if (isExternal(target) || target.startsWith('#')) continue;
    const hash = target.indexOf('#');
    const pathPart = decodeURI(hash < 0 ? target : target.slice(0, hash));
    const fragment = hash < 0 ? '' : target.slice(hash + 1);
    const resolved = posix.normalize(posix.join(posix.dirname(file), pathPart));
    const where = `${file}:${line}  ${target}`;
    if (resolved.startsWith('../') || !files.exists(resolved)) {
      problems.push(`${where}  no such file (${resolved})`);
      continue;
    }
    if (
      fragment !== '' &&
      resolved.endsWith('.md') &&
      !headingAnchors(files.read(resolved)).has(decodeURIComponent(fragment))
    ) {
      problems.push(`${where}  no heading #${fragment} in ${resolved}`);
    }
  }
  return problems;
}
