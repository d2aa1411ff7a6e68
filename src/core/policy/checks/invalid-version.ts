import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';

export const code = 'INVALID_VERSION';
export const severity: Severity = 'error';
export const description = 'Version is neither "2012-10-17" nor "2008-10-17"; it is a policy language version, not a date of your choice.';

export const VERSIONS = ['2012-10-17', '2008-10-17'];

export function check(context: PolicyContext): void {
  const version = context.document?.root.get('Version');
  if (version?.value.type !== 'String' || VERSIONS.includes(version.value.value)) return;
  context.report(version.value, 'Version', { version: version.value.value, versions: VERSIONS });
}
