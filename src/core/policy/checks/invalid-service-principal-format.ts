import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues } from '../document.ts';
import { classifyServicePrincipal, hasWildcard } from '../principals.ts';

export const code = 'INVALID_SERVICE_PRINCIPAL_FORMAT';
export const severity: Severity = 'error';
export const description = 'A Service principal is not in the form service-name.amazonaws.com, in lower case.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Principal', 'NotPrincipal']) {
      const member = statement.object.get(name);
      if (member?.value.type !== 'Object') continue;
      const service = member.value.members.find((entry) => entry.name.type === 'String' && entry.name.value === 'Service');
      if (!service) continue;
      const path = `${member.path}.Service`;
      for (const entry of stringValues({ name: 'Service', node: service, value: service.value, path })) {
        if (hasWildcard(entry.value)) continue;
        const reason = classifyServicePrincipal(entry.value);
        if (!reason) continue;
        const data: Record<string, unknown> = { reason, value: entry.value };
        if (reason === 'missing-domain') data.suggestion = `${entry.value.toLowerCase()}.amazonaws.com`;
        if (reason === 'uppercase') data.suggestion = entry.value.toLowerCase();
        context.report(entry.node, entry.path, data);
      }
    }
  }
}
