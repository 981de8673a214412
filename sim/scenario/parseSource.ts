// The reader of a scenario file, by its extension: YAML (.yaml, .yml) or JSON (.json), one schema.
import { extname } from 'node:path';
import type { ScenarioIssue } from './issues.js';
import { jsonSource } from './jsonSource.js';
import type { Source } from './source.js';
import { yamlSource } from './yamlSource.js';

const READERS: Record<string, typeof yamlSource> = { '.yaml': yamlSource, '.yml': yamlSource, '.json': jsonSource };

/** Is this a kind of file a scenario may be written in? */
export function readableExtension(file: string): boolean {
  return Object.hasOwn(READERS, extname(file).toLowerCase());
}

/**
 * Parses a scenario file's text; problems go to `issues` and the result is undefined. `quote`
 * false: messages never repeat text from the file (an import that may not be a scenario at all).
 */
export function parseSource(file: string, text: string, issues: ScenarioIssue[], quote = true): Source | undefined {
  const extension = extname(file).toLowerCase();
  const read = READERS[extension];
  if (read !== undefined) return read(file, text, issues, quote);
  issues.push({
    file,
    line: 1,
    col: 1,
    path: [],
    message: `unknown kind of scenario file ${extension === '' ? '(no extension)' : `"${extension}"`}: name it .yaml, .yml or .json`,
  });
  return undefined;
}
