/**
 * Grades a step whose value is a policy document by what it grants: the
 * validator finds no error, the Version is the expected one, every expected
 * principal may perform every expected action, and, under least privilege,
 * nothing more is allowed.
 */
import { isError, type Finding, type Span } from '../../findings.ts';
import {
  evaluatePolicy,
  grantsBeyond,
  validatePolicy,
  type NormalizedPolicy,
  type NormalizedPrincipal,
} from '../../policy/index.ts';
import type { PolicyCheck } from '../lab-pack.ts';
import { mapValueSpan, relocate, valueSpan } from '../locate.ts';
import { nonStringFinding, stepFinding, type CheckContext } from './context.ts';

export function checkPolicy(context: CheckContext, check: PolicyCheck): Finding[] {
  const { value } = context.variable.assignment;
  if (value.kind === 'object' || value.kind === 'array') {
    const span = valueSpan(context.variable);
    return [stepFinding(context, { code: 'POLICY_NOT_STRING', severity: 'error', data: { kind: value.kind }, ...span })];
  }
  const notString = nonStringFinding(context);
  if (notString) return [notString];

  const validation = validatePolicy(value.value as string, {
    kind: check.kind,
    overrides: context.step.severity,
  });
  const findings = validation.findings.map((finding) => relocate(finding, context.variable));
  if (!validation.policy || findings.some(isError)) return findings;

  const policy = validation.policy;
  if (check.version !== undefined && policy.version !== check.version) {
    findings.push(
      stepFinding(context, {
        code: 'VERSION_MISMATCH',
        severity: 'error',
        path: 'Version',
        data: { expected: check.version, actual: policy.version },
        ...valueSpan(context.variable),
      }),
    );
  }
  findings.push(...checkGrants(context, check, policy));
  return findings;
}

function checkGrants(context: CheckContext, check: PolicyCheck, policy: NormalizedPolicy): Finding[] {
  const findings: Finding[] = [];
  for (const principal of check.allows.principals) {
    for (const action of check.allows.actions) {
      const result = evaluatePolicy(policy, { principal: principalOf(principal), action });
      const unmet = result.neverMet;
      const data = unmet
        ? { principal, action, statement: unmet.statement, sid: unmet.sid, condition: `${unmet.operator} ${unmet.key}` }
        : { principal, action, statement: result.statement, sid: result.sid };
      const span = statementSpan(context, policy, data.statement);
      if (result.decision === 'explicit-deny') {
        findings.push(stepFinding(context, { code: 'GRANT_DENIED', severity: 'error', data, ...span }));
      } else if (result.decision === 'implicit-deny') {
        const code = unmet ? 'GRANT_NEVER_MET' : 'GRANT_MISSING';
        findings.push(stepFinding(context, { code, severity: 'error', data, ...span }));
      } else if (result.conditional) {
        findings.push(stepFinding(context, { code: 'GRANT_CONDITIONAL', severity: 'warning', data, ...span }));
      }
    }
  }
  if (!check.leastPrivilege || findings.some(isError)) return findings;

  const beyond = grantsBeyond(policy, check.allows);
  if (beyond.principals.length > 0 || beyond.actions.length > 0) {
    findings.push(
      stepFinding(context, {
        code: 'GRANT_TOO_BROAD',
        severity: 'error',
        data: { principals: beyond.principals, actions: beyond.actions, statements: beyond.statements },
        ...statementSpan(context, policy, beyond.statements[0]),
      }),
    );
  }
  return findings;
}

/** Reads a lab pack's principal string as IAM would store it. */
export function principalOf(principal: string): NormalizedPrincipal {
  if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(principal)) return { type: 'Service', value: principal };
  if (/^arn:aws[a-z-]*:iam::[0-9]{12}:(saml-provider|oidc-provider)\//.test(principal)) {
    return { type: 'Federated', value: principal };
  }
  if (/^[0-9]{12}$/.test(principal)) return { type: 'AWS', value: `arn:aws:iam::${principal}:root` };
  return { type: 'AWS', value: principal };
}

function statementSpan(context: CheckContext, policy: NormalizedPolicy, index: number | undefined): Span {
  const statement = policy.statements.find((candidate) => candidate.index === index);
  if (!statement?.span) return valueSpan(context.variable);
  return mapValueSpan(context.variable, statement.span);
}
