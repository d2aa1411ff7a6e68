import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'INVALID_EFFECT';
export const severity: Severity = 'error';
export const description = 'Effect is a string other than "Allow" or "Deny" (the values are case-sensitive).';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    const effect = statement.object.get('Effect');
    if (effect?.value.type !== 'String') continue;
    const value = effect.value.value;
    if (value === 'Allow' || value === 'Deny') continue;
    const suggestion = ['Allow', 'Deny'].find((name) => name.toLowerCase() === value.trim().toLowerCase());
    context.report(effect.value, effect.path, suggestion ? { effect: value, suggestion } : { effect: value });
  }
}
