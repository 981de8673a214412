// What the application shell gives each tab's view, and what a view gives back: the contract
// between app.ts and views/, so that views never import the shell.
import type { ResultsBundle } from '../data/bundle.js';
import type { PlantLayout } from '../map/layout.js';
import type { StatePatch, ViewState } from '../state.js';

export interface View {
  readonly element: HTMLElement;
  /** The current view as one SVG document. */
  toSvg(): string;
  onShow?(): void;
  onHide?(): void;
  /** The asset whose story is open (its attack paths drawn), or null. */
  highlight?(assetId: string | null): void;
  /** Zooms to an asset. */
  reveal?(assetId: string): void;
  destroy(): void;
}

export interface AppContext {
  /** Every attack of the bundle. */
  full: ResultsBundle;
  /** The open attack's part, as a bundle of its own. */
  bundle: ResultsBundle;
  layout: PlantLayout;
  controllers: ReadonlySet<string>;
  /** The view as the URL holds it (read only: change it with open or remember). */
  readonly state: ViewState;
  showStory(assetId: string): void;
  /** Goes to a tab, attack or design. */
  open(patch: StatePatch): void;
  /** Records a detail of the view (replay time, design) in the URL without redrawing. */
  remember(patch: StatePatch): void;
}
