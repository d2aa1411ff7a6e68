import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'UNSUPPORTED_SID';
export const severity: Severity = 'error';
export const description = 'A Sid in an IAM policy contains characters other than A-Z, a-z and 0-9.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    const sid = statement.object.get('Sid');
    if (sid?.value.type !== 'String' || /^[A-Za-z0-9]*$/.test(sid.value.value)) continue;
    const characters = [...new Set(sid.value.value.replace(/[A-Za-z0-9]/g, ''))].join('');
    context.report(sid.value, sid.path, { sid: sid.value.value, characters });
  }
}
