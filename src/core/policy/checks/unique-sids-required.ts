import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'UNIQUE_SIDS_REQUIRED';
export const severity: Severity = 'error';
export const description = 'Two statements of one IAM policy have the same Sid.';

export function check(context: PolicyContext): void {
  const seen = new Map<string, number>();
  for (const statement of objectStatements(context.document)) {
    const sid = statement.object.get('Sid');
    if (sid?.value.type !== 'String' || sid.value.value === '') continue;
    const firstLine = seen.get(sid.value.value);
    if (firstLine !== undefined) context.report(sid.value, sid.path, { sid: sid.value.value, firstLine });
    else seen.set(sid.value.value, sid.value.loc.start.line);
  }
}
