import { detectLanguage, extractAssignments } from '../extract/index.ts';
import type { LabPack } from './lab-pack.ts';

/**
 * Chooses the lab whose step variables the code defines: the one with the
 * most of them, or none when the code defines no lab's variable.
 */
export function chooseLabByVariables(
  codes: readonly string[],
  labs: readonly LabPack[],
): LabPack | undefined {
  const names = new Set<string>();
  for (const code of codes) {
    for (const name of extractAssignments(code, detectLanguage(code)).assignments.keys()) names.add(name);
  }

  let best: { lab: LabPack; count: number } | undefined;
  for (const lab of labs) {
    const count = lab.steps.filter((step) => names.has(step.variable)).length;
    if (count > 0 && (!best || count > best.count)) best = { lab, count };
  }
  return best?.lab;
}
