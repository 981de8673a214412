#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles on the fly and caches.
import { register } from 'tsx/esm/api';

register();
await import('../sim/cli/main.ts');
