export type {
  AccessRequest,
  Approval,
  ConditionName,
  Decision,
  DecisionContext,
  DenyReason,
  Obligations,
  Org,
  ResourceAttributes,
  SubjectAttributes,
} from './types.js';
export { compilePolicy, type CompiledPolicy, type CompiledRule } from './compile.js';
export { decide, decideLinear } from './decide.js';
export { windowOpen, nextWindowChange } from './window.js';
export { describeDecision, describeReason } from './explain.js';
export { PolicyError } from './errors.js';
export { SessionTable } from './sessions.js';
export type {
  AuditSink,
  RevokeCause,
  RevokeReason,
  Scheduler,
  Session,
  SessionTableOptions,
  Signal,
} from './sessionTypes.js';
export {
  approveAll,
  runPolicyTests,
  type Directory,
  type PolicyCaseResult,
  type PolicyTestResult,
} from './policyTests.js';
export { AuditLog, verifyAuditLog, type AuditRecord } from './audit.js';
export type * from './rules.js';
