/**
 * Evaluation of normalized grants with IAM semantics: `*` and `?` wildcards
 * in actions (case-insensitive), no partial wildcards in principals, an
 * explicit Deny wins over any Allow, and NotPrincipal / NotAction match
 * everything except what they list. Conditions are not evaluated: a
 * statement with conditions is reported as `conditional`, and one with a
 * condition that no request can meet (never-met.ts) never applies.
 */
import { expandAction, hasWildcard, parseAction, wildcardMatches } from './actions.ts';
import { neverMet } from './never-met.ts';
import { classifyAwsPrincipal, classifyServicePrincipal } from './principals.ts';
import type { NormalizedPolicy, NormalizedPrincipal, NormalizedStatement } from './types.ts';

export interface EvaluationRequest {
  principal: string | NormalizedPrincipal;
  action: string;
}

export interface Evaluation {
  decision: 'allow' | 'explicit-deny' | 'implicit-deny';
  statement?: number;
  sid?: string;
  /** The deciding statement has conditions, so the decision holds only when they are met. */
  conditional: boolean;
  /** For an implicit deny: a statement that would allow the request but has a condition no request can meet. */
  neverMet?: { statement: number; sid?: string; operator: string; key: string };
}

/** Reads a principal written as text: an account ID or ARN, a service principal, a provider ARN, or `*`. */
export function principalFromText(text: string): NormalizedPrincipal {
  if (text === '*') return { type: '*', value: '*' };
  if (/^arn:[\w-]+:iam::\d{12}:(saml|oidc)-provider\//.test(text)) return { type: 'Federated', value: text };
  if (classifyServicePrincipal(text) === undefined) return { type: 'Service', value: text };
  if (/^[0-9a-f]{64}$/.test(text)) return { type: 'CanonicalUser', value: text };
  return { type: 'AWS', value: classifyAwsPrincipal(text).normalized ?? text };
}

function accountOf(arn: string): string | undefined {
  return /^arn:[\w-]+:(iam|sts)::(\d{12}):/.exec(arn)?.[2];
}

/**
 * Tells whether a statement's principal entry covers the requesting principal.
 * An account root entry covers every IAM principal of that account, as in a
 * role trust policy that delegates to the account.
 */
export function principalMatches(entry: NormalizedPrincipal, request: NormalizedPrincipal): boolean {
  if (entry.type === '*') return true;
  if (entry.type !== request.type) return false;
  if (entry.type === 'Service') return entry.value.toLowerCase() === request.value.toLowerCase();
  if (entry.value === request.value) return true;
  if (entry.type === 'AWS' && entry.value.endsWith(':root')) {
    const account = accountOf(entry.value);
    return account !== undefined && account === accountOf(request.value);
  }
  return false;
}

function appliesToPrincipal(statement: NormalizedStatement, principal: NormalizedPrincipal): boolean {
  if (statement.principals) return statement.principals.some((entry) => principalMatches(entry, principal));
  if (statement.notPrincipals) return !statement.notPrincipals.some((entry) => principalMatches(entry, principal));
  // Identity policies have no Principal element: they apply to the identity they are attached to.
  return true;
}

function appliesToAction(statement: NormalizedStatement, action: string): boolean {
  if (statement.actions) return statement.actions.some((pattern) => wildcardMatches(pattern, action));
  if (statement.notActions) return !statement.notActions.some((pattern) => wildcardMatches(pattern, action));
  return false;
}

export function evaluatePolicy(policy: NormalizedPolicy, request: EvaluationRequest): Evaluation {
  const principal = typeof request.principal === 'string' ? principalFromText(request.principal) : request.principal;
  let allow: NormalizedStatement | undefined;
  let unmet: Evaluation['neverMet'];
  for (const statement of policy.statements) {
    if (!appliesToPrincipal(statement, principal) || !appliesToAction(statement, request.action)) continue;
    const condition = statement.conditions.find(neverMet);
    if (condition) {
      if (statement.effect === 'Allow' && !unmet) {
        unmet = { statement: statement.index, operator: condition.operator, key: condition.key };
        if (statement.sid !== undefined) unmet.sid = statement.sid;
      }
      continue;
    }
    if (statement.effect === 'Deny') return decide('explicit-deny', statement);
    if (!allow || (allow.conditions.length > 0 && statement.conditions.length === 0)) allow = statement;
  }
  if (allow) return decide('allow', allow);
  return unmet ? { decision: 'implicit-deny', conditional: false, neverMet: unmet } : { decision: 'implicit-deny', conditional: false };
}

function decide(decision: Evaluation['decision'], statement: NormalizedStatement): Evaluation {
  const result: Evaluation = { decision, statement: statement.index, conditional: statement.conditions.length > 0 };
  if (statement.sid !== undefined) result.sid = statement.sid;
  return result;
}

export interface GrantsBeyond {
  principals: string[];
  actions: string[];
  statements: number[];
}

/**
 * Lists what the Allow statements grant beyond the expected principals and
 * actions. A wildcard action within one service is expanded against the
 * catalogue. A wildcard in the service part (such as `*` or `s*:Get*`) is
 * listed as written, because it spans every service. NotPrincipal and
 * NotAction in an Allow grant everything not listed, so they add `*`.
 */
export function grantsBeyond(policy: NormalizedPolicy, expected: { principals: string[]; actions: string[] }): GrantsBeyond {
  const expectedPrincipals = expected.principals.map(principalFromText);
  const expectedActions = expected.actions.map((action) => action.toLowerCase());
  const isExpectedAction = (action: string) => expectedActions.some((pattern) => wildcardMatches(pattern, action));
  const principals = new Set<string>();
  const actions = new Set<string>();
  const statements = new Set<number>();

  for (const statement of policy.statements) {
    if (statement.effect !== 'Allow' || statement.conditions.some(neverMet)) continue;
    let beyond = false;
    const addPrincipal = (value: string) => {
      principals.add(value);
      beyond = true;
    };
    const addAction = (value: string) => {
      actions.add(value);
      beyond = true;
    };
    for (const principal of statement.principals ?? []) {
      const covered = expectedPrincipals.some((entry) => entry.type === principal.type && entry.value === principal.value);
      if (!covered) addPrincipal(principal.value);
    }
    if (statement.notPrincipals) addPrincipal('*');
    for (const action of statement.actions ?? []) {
      for (const granted of actionsOf(action)) if (!isExpectedAction(granted)) addAction(granted);
    }
    if (statement.notActions) addAction('*');
    if (beyond) statements.add(statement.index);
  }
  return { principals: [...principals], actions: [...actions], statements: [...statements] };
}

function actionsOf(action: string): string[] {
  if (!hasWildcard(action)) return [action];
  const parsed = parseAction(action);
  if (!parsed || hasWildcard(parsed.service)) return [action];
  return expandAction(action);
}
