// What the commands print for people: control characters from scenario text shown as escapes.
import { terminalText } from '../report/escape.js';

export function writeText(text: string): void {
  process.stdout.write(terminalText(text));
}

export function writeProblem(text: string): void {
  process.stderr.write(terminalText(text));
}
