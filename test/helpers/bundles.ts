// The results bundles kept as fixtures: `segsim compare scenarios/pharma.yaml --runs 20 --seed 1
// --json …` as segsim wrote it before bundle version 2, and in version 2 before the defenders'
// playbooks changed the runs.
import { readFileSync } from 'node:fs';

export const V1_FIXTURE = 'test/fixtures/bundle-v1-pharma.json';

export const v1FixtureText = (): string => readFileSync(V1_FIXTURE, 'utf8');

export const V2_FIXTURE = 'test/fixtures/bundle-v2-pharma.json';

export const v2FixtureText = (): string => readFileSync(V2_FIXTURE, 'utf8');
