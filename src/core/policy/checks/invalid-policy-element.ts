import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS, type ObjectView } from '../document.ts';
import { closest } from '../suggest.ts';

export const code = 'INVALID_POLICY_ELEMENT';
export const severity: Severity = 'error';
export const description = 'A key is not a policy element: the policy takes Version, Id and Statement; a statement takes Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition (case-sensitive).';

export function check(context: PolicyContext): void {
  const document = context.document;
  if (!document) return;
  checkKeys(context, document.root, TOP_LEVEL_ELEMENTS, 'policy');
  for (const statement of objectStatements(document)) checkKeys(context, statement.object, STATEMENT_ELEMENTS, 'statement');
}

function checkKeys(context: PolicyContext, object: ObjectView, allowed: readonly string[], level: string): void {
  for (const member of object.members) {
    if (allowed.includes(member.name)) continue;
    const data: Record<string, unknown> = { element: member.name, level };
    const suggestion =
      allowed.find((name) => name.toLowerCase() === member.name.toLowerCase()) ?? closest(member.name, allowed, 3);
    if (suggestion) data.suggestion = suggestion;
    context.report(member.node.name, member.path, data);
  }
}
