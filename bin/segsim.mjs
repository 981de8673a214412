#!/usr/bin/env node
// The segsim command line, compiled by the build (bin/build.mjs, run by npm install) into dist/cli.
import { existsSync, readdirSync, statSync } from 'node:fs';

const sources = new URL('../sim/', import.meta.url);
const stamp = new URL('../dist/.build/code', import.meta.url);
const main = new URL('../dist/cli/main.js', import.meta.url);

if (!existsSync(main)) {
  process.stderr.write('segsim: the command line is not built (dist/cli/main.js is missing); run `npm run build`\n');
  process.exit(2);
}

// In a clone of the repository, say when the compiled command line is older than its sources.
if (existsSync(sources)) {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changed = readdirSync(sources, { recursive: true }).some((f) => statSync(new URL(f, sources)).mtimeMs > built);
  if (changed)
    process.stderr.write('segsim: sim/ changed since the last build; run `npm run build` to use the change\n');
}
await import(main.href);
