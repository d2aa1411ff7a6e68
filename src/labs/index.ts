/** The lab packs that ship with Lab Check, validated when this module loads. */
import { parseLabPack, type LabPack } from '../core/engine/lab-pack.ts';
import assumeRole from './aws-assume-role-temporary-access.json' with { type: 'json' };
import ec2InstanceProfile from './aws-ec2-instance-profile-role.json' with { type: 'json' };

export const LABS: readonly LabPack[] = [parseLabPack(assumeRole), parseLabPack(ec2InstanceProfile)];

export function findLab(id: string): LabPack | undefined {
  return LABS.find((lab) => lab.id === id);
}

const normalizeText = (text: string): string =>
  text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Recognizes the lab on a course page from its title, or else from its step
 * headings: the lab with the most of its headings on the page, when at least
 * half of them are there.
 */
export function recognizeLab(
  page: { title: string; headings: readonly string[] },
  labs: readonly LabPack[] = LABS,
): LabPack | undefined {
  const title = normalizeText(page.title);
  const byTitle = labs.find((lab) =>
    lab.recognize.titles.some((candidate) => title.includes(normalizeText(candidate))),
  );
  if (byTitle) return byTitle;

  const headings = new Set(page.headings.map(normalizeText));
  let best: { lab: LabPack; share: number } | undefined;
  for (const lab of labs) {
    const expected = lab.recognize.headings ?? lab.steps.map((step) => step.title);
    const found = expected.filter((heading) => headings.has(normalizeText(heading))).length;
    const share = expected.length ? found / expected.length : 0;
    if (share >= 0.5 && (!best || share > best.share)) best = { lab, share };
  }
  return best?.lab;
}
