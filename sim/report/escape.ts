// Text from a scenario (names, descriptions, file names) made safe for each output format. The
// same hostile strings are tested against every one: a terminal must not receive escape
// sequences, XML must stay well-formed, Markdown must carry no raw HTML nor break its tables.

/** C0 and C1 controls (tab and newline aside), DEL, and the bidirectional overrides that reorder text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** What XML 1.0 cannot carry at all: lone surrogates and the two non-characters U+FFFE, U+FFFF. */
const NOT_XML = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

/** "\x1B", "\u202E": a control character as text anyone can read. */
function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase()}`;
}

/** For a terminal: control characters (but tab and newline) become visible escapes. */
export function terminalText(s: string): string {
  return s.replace(CONTROLS, visible);
}

/** For XML text and attribute values: well-formed whatever the input. */
export function xmlText(s: string): string {
  return s
    .replace(CONTROLS, visible)
    .replace(NOT_XML, visible)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * For Markdown prose, headings and table cells: one line, controls visible, HTML and the
 * characters that start emphasis, links, code or a table cell escaped.
 */
export function markdownText(s: string): string {
  return terminalText(s.replace(/[\r\n\t]+/g, ' '))
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** `s` as an inline code span that no backtick in it can close, safe in a table cell too. */
export function markdownCode(s: string): string {
  const text = terminalText(s.replace(/[\r\n\t]+/g, ' ')).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 || text.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in `lines`. */
export function markdownFence(lines: readonly string[]): string[] {
  const body = lines.map(terminalText);
  const longest = Math.max(0, ...body.flatMap((l) => l.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence, ...body, fence];
}
