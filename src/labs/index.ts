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

/** The signs of a lab on a course page: its title, its headings, and the course author's marks. */
export interface PageSigns {
  title: string;
  headings: readonly string[];
  /** The `data-lab-step` ids on the page. */
  stepIds?: readonly string[];
  /** The text of each quiz question on the page. */
  questions?: readonly string[];
}

/**
 * Recognizes the lab on a course page. The title decides first. Else the
 * step headings do: the lab with the most of its headings on the page,
 * when at least half of them are there. Else the course author's marks
 * do: the lab with the most of its step ids in `data-lab-step` attributes
 * and of its quiz questions on the page. A tie of marks recognizes no lab.
 */
export function recognizeLab(page: PageSigns, labs: readonly LabPack[] = LABS): LabPack | undefined {
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
  return best?.lab ?? recognizeByMarks(page, labs);
}

function recognizeByMarks(page: PageSigns, labs: readonly LabPack[]): LabPack | undefined {
  const stepIds = new Set(page.stepIds ?? []);
  const questions = new Set((page.questions ?? []).map(normalizeText));
  let best: LabPack | undefined;
  let bestCount = 0;
  let tied = false;
  for (const lab of labs) {
    const count =
      lab.steps.filter((step) => stepIds.has(step.id)).length +
      lab.quiz.filter((question) => questions.has(normalizeText(question.text))).length;
    if (count > bestCount) {
      best = lab;
      bestCount = count;
      tied = false;
    } else if (count > 0 && count === bestCount) {
      tied = true;
    }
  }
  return tied ? undefined : best;
}
