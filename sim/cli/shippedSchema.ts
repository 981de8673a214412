// The scenario JSON Schema as the package ships it (the build writes it from the validating
// schema): what `segsim init` copies beside a new scenario. This module sits two folders below the
// package root in sim/ and in dist/ alike, so one relative path finds it from either.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { usageError } from './errors.js';

const SHIPPED = new URL('../../dist/segsim.schema.json', import.meta.url);

export function shippedSchemaText(): string {
  if (!existsSync(SHIPPED))
    throw usageError(`the scenario schema is not built (${fileURLToPath(SHIPPED)} is missing); run \`npm run build\``);
  return readFileSync(SHIPPED, 'utf8');
}
