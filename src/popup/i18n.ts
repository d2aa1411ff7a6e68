/** UI strings from _locales/en/messages.json; a missing key shows as the key, so that it is noticed. */
import { browser } from '../extension/browser.ts';

export function t(key: string, ...substitutions: Array<string | number>): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  return text || key;
}
