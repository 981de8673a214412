// Runs every lint rule over a validated scenario. Pure: findings carry field paths; the caller
// locates them in the files (file:line:col) and applies disable comments.
import { buildPlantModel } from '../../model/plantModel.js';
import type { Scenario } from '../../model/schema.js';
import { internetFacingController, sharedAccountWithoutMfa, ztRemoteDesktopConduit } from './accessRules.js';
import type { LintContext, LintFinding } from './catalog.js';
import { cachedCredentialReachable } from './credentialRules.js';
import { ruleMatchesNothing, ruleShadowed, ruleUntested, writeWithoutApproval } from './policyRules.js';

const CHECKS: readonly ((ctx: LintContext) => LintFinding[])[] = [
  writeWithoutApproval,
  ztRemoteDesktopConduit,
  sharedAccountWithoutMfa,
  internetFacingController,
  cachedCredentialReachable,
  ruleShadowed,
  ruleMatchesNothing,
  ruleUntested,
];

export function lintScenario(scenario: Scenario): LintFinding[] {
  const ctx: LintContext = { scenario, model: buildPlantModel(scenario) };
  return CHECKS.flatMap((check) => check(ctx));
}
