// The viewer as one HTML page: built ahead of time by Vite into web/dist (scripts and styles
// inlined), and for reports with the results bundle inlined too, so the file works from disk and
// fetches nothing. This module sits two folders below the package root in sim/ and in dist/ alike.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
export const VIEWER_DIST = join(WEB_DIR, 'dist');
export const VIEWER_INDEX = join(VIEWER_DIST, 'index.html');
export const BUILD_COMMAND = 'npm run build';

/** Nothing but the page itself: inline scripts and styles, images from data: and blob: (PNG export). */
const REPORT_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'";

/** The results bundle's JSON as the text of a script element: no `</script>` or `<!--` can appear. */
export function bundleScript(bundleJson: string): string {
  return `<script type="application/json" id="segsim-bundle">${bundleJson.trimEnd().replace(/</g, '\\u003c')}</script>`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The viewer page with the bundle inlined, a title and a policy that forbids any request. */
export function reportHtml(viewerHtml: string, bundleJson: string, title: string): string {
  if (!viewerHtml.includes('</body>')) throw new Error('the viewer page has no </body>');
  const csp = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}" />`;
  return viewerHtml
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
    .replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${csp}`)
    .replace('</body>', () => `  ${bundleScript(bundleJson)}\n  </body>`);
}

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Whether web/dist is missing or older than the viewer's sources (when the sources are there). */
export function viewerStale(): boolean {
  if (!existsSync(VIEWER_INDEX)) return true;
  const sources = [
    join(WEB_DIR, 'src'),
    join(WEB_DIR, 'index.html'),
    join(WEB_DIR, 'vite.config.ts'),
    // The viewer reads the simulator's contract, so it is built from it too.
    join(WEB_DIR, '..', 'sim', 'contract'),
  ].filter((p) => existsSync(p));
  if (sources.length === 0) return false;
  const built = statSync(VIEWER_INDEX).mtimeMs;
  return sources.some((p) => newestMtime(p) > built);
}

/** The viewer is built ahead of time (bin/build.mjs), never when a command runs. */
export class ViewerBuildError extends Error {
  override name = 'ViewerBuildError';
  readonly code = 'VIEWER_NOT_BUILT';
}

/** The built viewer page's path; an error says how to build it when it is missing or older than its sources. */
export function viewerPage(): string {
  if (!existsSync(VIEWER_INDEX))
    throw new ViewerBuildError(
      `the viewer is not built (${VIEWER_INDEX} is missing); build it with \`${BUILD_COMMAND}\``,
    );
  if (viewerStale())
    throw new ViewerBuildError(
      `the viewer in ${VIEWER_DIST} is older than its sources in ${WEB_DIR}; rebuild it with \`${BUILD_COMMAND}\``,
    );
  return VIEWER_INDEX;
}
