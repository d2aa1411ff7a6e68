import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { jsonType, objectStatements, principalEntries, type Member, type StringValue } from '../document.ts';
import { classifyAwsPrincipal, hasWildcard } from '../principals.ts';

export const code = 'INVALID_PRINCIPAL_FORMAT';
export const severity: Severity = 'error';
export const description =
  'Principal is not an object of principal keys, or an AWS principal is not a 12-digit account ID, an account root, user, role, assumed-role or federated-user ARN, or "*".';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Principal', 'NotPrincipal']) {
      const member = statement.object.get(name);
      if (member) checkPrincipal(context, member);
    }
    for (const { key, values } of principalEntries(statement)) {
      for (const entry of values) checkValue(context, key, entry);
    }
  }
}

function checkPrincipal(context: PolicyContext, member: Member): void {
  const { value } = member;
  if (value.type === 'String') {
    if (value.value !== '*') context.report(value, member.path, { reason: 'not-object', value: value.value });
    return;
  }
  if (value.type !== 'Object') context.report(value, member.path, { reason: 'not-object', found: jsonType(value) });
}

function checkValue(context: PolicyContext, key: string, entry: StringValue): void {
  if (hasWildcard(entry.value)) return;
  if (key === 'AWS') {
    const { problem, suggestion } = classifyAwsPrincipal(entry.value);
    if (!problem) return;
    const data: Record<string, unknown> = { reason: problem, value: entry.value };
    if (suggestion) data.suggestion = suggestion;
    context.report(entry.node, entry.path, data);
  } else if (key === 'CanonicalUser' && !/^[0-9a-f]{64}$/.test(entry.value)) {
    context.report(entry.node, entry.path, { reason: 'canonical-user', value: entry.value });
  }
}
