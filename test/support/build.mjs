// vitest's global setup: the tests run the compiled command line, the experiment worker and the
// built viewer, so they are rebuilt first when their sources changed (the type declarations are
// left to `npm run build` and the package test, which packs).
import { buildSegsim } from '../../bin/build.mjs';

export default async function setup() {
  await buildSegsim({ only: ['code', 'viewer'] });
}
