// Entry point: find the bundle (inlined by `segsim report`, served by `segsim view`) or wait for one.
import './styles.css';
import { App } from './app.js';
import { embeddedBundle, servedBundle } from './data/bundle.js';

const app = new App(document.getElementById('app')!);
try {
  const bundle = embeddedBundle(document) ?? (await servedBundle());
  if (bundle) app.load(bundle);
  else document.body.dataset.ready = 'empty';
} catch (err) {
  app.error(err);
  document.body.dataset.ready = 'error';
}
