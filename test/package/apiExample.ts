// The runnable example of docs/api.md and the output the page says it prints.
import { readFileSync } from 'node:fs';

export const API_DOC = new URL('../../docs/api.md', import.meta.url);

export function apiExample(): { code: string; printed: string } {
  const text = readFileSync(API_DOC, 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(text)?.[1];
  const printed = /It prints[^\n]*\n\n```\n([\s\S]*?)```/.exec(text)?.[1];
  if (code === undefined || printed === undefined)
    throw new Error('docs/api.md has no ```js example followed by "It prints" and its output');
  return { code, printed };
}
