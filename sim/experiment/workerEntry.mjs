// Worker bootstrap when running from TypeScript sources: tsx's hooks registered on the main
// thread do not reach worker threads, so each worker registers its own (as bin/segsim.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
