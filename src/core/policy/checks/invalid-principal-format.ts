import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { jsonType, objectStatements, stringValues, type Member } from '../document.ts';
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
  }
}

function checkPrincipal(context: PolicyContext, member: Member): void {
  const { value } = member;
  if (value.type === 'String') {
    if (value.value !== '*') context.report(value, member.path, { reason: 'not-object', value: value.value });
    return;
  }
  if (value.type !== 'Object') {
    context.report(value, member.path, { reason: 'not-object', found: jsonType(value) });
    return;
  }
  const aws = value.members.find((entry) => entry.name.type === 'String' && entry.name.value === 'AWS');
  if (aws) checkAwsValues(context, { name: 'AWS', node: aws, value: aws.value, path: `${member.path}.AWS` });
  const canonical = value.members.find((entry) => entry.name.type === 'String' && entry.name.value === 'CanonicalUser');
  if (canonical) {
    const path = `${member.path}.CanonicalUser`;
    for (const entry of stringValues({ name: 'CanonicalUser', node: canonical, value: canonical.value, path })) {
      if (!/^[0-9a-f]{64}$/.test(entry.value) && !hasWildcard(entry.value)) {
        context.report(entry.node, entry.path, { reason: 'canonical-user', value: entry.value });
      }
    }
  }
}

function checkAwsValues(context: PolicyContext, member: Member): void {
  for (const entry of stringValues(member)) {
    if (hasWildcard(entry.value)) continue;
    const { problem } = classifyAwsPrincipal(entry.value);
    if (problem) context.report(entry.node, entry.path, { reason: problem, value: entry.value });
  }
}
