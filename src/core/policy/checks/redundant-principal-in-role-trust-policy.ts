import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues } from '../document.ts';

export const code = 'REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY';
export const severity: Severity = 'suggestion';
export const description = 'A role trust policy names an assumed-role session together with its parent role, which already covers it.';

export function check(context: PolicyContext): void {
  if (context.kind !== 'trust') return;
  for (const statement of objectStatements(context.document)) {
    const member = statement.object.get('Principal');
    if (member?.value.type !== 'Object') continue;
    const aws = member.value.members.find((entry) => entry.name.type === 'String' && entry.name.value === 'AWS');
    if (!aws) continue;
    const values = stringValues({ name: 'AWS', node: aws, value: aws.value, path: `${member.path}.AWS` });
    const roles = new Set(values.map((value) => value.value));
    for (const value of values) {
      const session = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(value.value);
      if (!session) continue;
      const parent = `arn:${session[1]}:iam::${session[2]}:role/${session[3]}`;
      if (roles.has(parent)) context.report(value.node, value.path, { principal: value.value, parentRole: parent });
    }
  }
}
