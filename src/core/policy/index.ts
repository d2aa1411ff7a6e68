/**
 * The IAM policy validator: strict JSON parsing with positions, one check
 * per finding code, and an evaluation of what the policy grants.
 */
export type {
  NormalizedCondition,
  NormalizedPolicy,
  NormalizedPrincipal,
  NormalizedStatement,
  PolicyKind,
  PolicyValidation,
  PrincipalType,
  ValidatePolicyOptions,
} from './types.ts';
export type { Span, SeverityOverrides } from '../findings.ts';
export { validatePolicy, DEFAULT_SIZE_QUOTA } from './validate.ts';
export { evaluatePolicy, grantsBeyond, principalFromText, principalMatches } from './evaluate.ts';
export type { Evaluation, EvaluationRequest, GrantsBeyond } from './evaluate.ts';
export { TRUST_POLICY_ACTIONS, wildcardMatches, expandAction } from './actions.ts';
export { CHECKS } from './checks/index.ts';
export type { PolicyCheck } from './context.ts';
export { renderFinding } from './messages.ts';
