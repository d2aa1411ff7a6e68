import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';

export const code = 'LEGACY_VERSION';
export const severity: Severity = 'warning';
export const description = 'Version is "2008-10-17", the old policy language, in which policy variables such as ${aws:username} are plain text.';

export function check(context: PolicyContext): void {
  const version = context.document?.root.get('Version');
  if (version?.value.type !== 'String' || version.value.value !== '2008-10-17') return;
  context.report(version.value, 'Version', { version: version.value.value });
}
