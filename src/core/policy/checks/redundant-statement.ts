import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';
import { normalizePolicy } from '../normalize.ts';

export const code = 'REDUNDANT_STATEMENT';
export const severity: Severity = 'suggestion';
export const description = 'Two statements grant or deny exactly the same thing (ignoring Sid and spelling), so one can go.';

export function check(context: PolicyContext): void {
  const document = context.document;
  if (!document || document.statements.length < 2) return;
  const byIndex = new Map(objectStatements(document).map((statement) => [statement.index, statement]));
  const seen = new Map<string, number>();
  for (const statement of normalizePolicy(document).statements) {
    const { index, sid: _sid, span: _span, ...grants } = statement;
    const id = JSON.stringify(grants);
    const first = seen.get(id);
    const view = byIndex.get(index);
    if (first !== undefined && view) context.report(view.node, view.path, { first });
    else seen.set(id, index);
  }
}
