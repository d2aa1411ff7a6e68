import type { Severity } from '../../findings.ts';
import { parseAction } from '../actions.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues } from '../document.ts';

export const code = 'INVALID_ACTION_FORMAT';
export const severity: Severity = 'error';
export const description = 'An action is not in the form service:ActionName (or "*"), for example a name without its service prefix.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Action', 'NotAction']) {
      for (const entry of stringValues(statement.object.get(name))) {
        if (parseAction(entry.value)) continue;
        const data: Record<string, unknown> = { action: entry.value };
        const suggestion = suggestFormat(entry.value);
        if (suggestion) data.suggestion = suggestion;
        context.report(entry.node, entry.path, data);
      }
    }
  }
}

/** Repairs the usual slips: a missing prefix, a dot or double colon in place of the colon, or stray spaces. */
function suggestFormat(value: string): string | undefined {
  const repaired = value.trim().replace(/\s+/g, '').replace(/^([\w-]+)(::|\.|\/)/, '$1:');
  if (repaired !== value && parseAction(repaired)) return repaired;
  if (!/^[A-Za-z]+$/.test(value)) return undefined;
  const lower = value.toLowerCase();
  const sts = catalogue().services.get('sts')?.actionsByLowerName.get(lower);
  if (sts) return `sts:${sts}`;
  for (const service of catalogue().services.values()) {
    const spelled = service.actionsByLowerName.get(lower);
    if (spelled) return `${service.prefix}:${spelled}`;
  }
  return undefined;
}
