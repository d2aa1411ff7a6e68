/**
 * The toolbar badge's text and colour: passed steps over all steps, such as
 * `3/4`, green when every step passes. A result of the page the tab showed
 * before it navigated has no badge.
 */
import type { TabState } from './messages.ts';

export const BADGE_PASS_COLOR = '#1a7f37';
export const BADGE_FAIL_COLOR = '#b3261e';

export function badgeFor(state: TabState): { text: string; color: string } {
  if (state.state !== 'report' || state.previousPage) return { text: '', color: BADGE_FAIL_COLOR };

  const steps = state.report.steps;
  const passed = steps.filter((step) => step.status === 'pass').length;
  return { text: `${passed}/${steps.length}`, color: passed === steps.length ? BADGE_PASS_COLOR : BADGE_FAIL_COLOR };
}
