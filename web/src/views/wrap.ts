// Greedy word wrap to a width. A word wider than the width breaks after its hyphens (ids such as
// vpn-segmented-plc-protection); a piece still wider gets a line of its own.
export function wrapLines(text: string, width: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const pieces = measure(word) > width && word.includes('-') ? word.split(/(?<=-)/) : [word];
    pieces.forEach((piece, i) => {
      const next = line === '' ? piece : i > 0 ? `${line}${piece}` : `${line} ${piece}`;
      if (line !== '' && measure(next) > width) {
        out.push(line);
        line = piece;
      } else line = next;
    });
  }
  if (line !== '') out.push(line);
  return out;
}
