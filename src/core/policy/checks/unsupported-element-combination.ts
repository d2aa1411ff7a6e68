import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'UNSUPPORTED_ELEMENT_COMBINATION';
export const severity: Severity = 'error';
export const description = 'A statement has both elements of a pair: Principal and NotPrincipal, Action and NotAction, or Resource and NotResource.';

const PAIRS = [
  ['Principal', 'NotPrincipal'],
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
] as const;

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const [first, second] of PAIRS) {
      const a = statement.object.get(first);
      const b = statement.object.get(second);
      if (!a || !b) continue;
      const later = a.node.loc.start.offset > b.node.loc.start.offset ? a : b;
      context.report(later.node.name, later.path, { element1: first, element2: second });
    }
  }
}
