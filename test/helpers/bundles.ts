// The version-1 results bundle kept as a fixture: `segsim compare scenarios/pharma.yaml --runs 20
// --seed 1 --json …` as segsim wrote it before bundle version 2.
import { readFileSync } from 'node:fs';

export const V1_FIXTURE = 'test/fixtures/bundle-v1-pharma.json';

export const v1FixtureText = (): string => readFileSync(V1_FIXTURE, 'utf8');
