import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, principalEntries } from '../document.ts';

export const code = 'REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY';
export const severity: Severity = 'suggestion';
export const description = 'A role trust policy names an assumed-role session together with its parent role, which already covers it.';

const SESSION = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;

export function check(context: PolicyContext): void {
  if (context.kind !== 'trust') return;
  for (const statement of objectStatements(context.document)) {
    for (const { key, values } of principalEntries(statement, ['Principal'])) {
      if (key !== 'AWS') continue;
      const named = new Set(values.map((value) => value.value));
      for (const value of values) {
        const session = SESSION.exec(value.value);
        if (!session) continue;
        const parentRole = `arn:${session[1]}:iam::${session[2]}:role/${session[3]}`;
        if (named.has(parentRole)) context.report(value.node, value.path, { principal: value.value, parentRole });
      }
    }
  }
}
