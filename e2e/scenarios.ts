/**
 * The extension's end-to-end scenarios as data, run by two drivers: the
 * Chromium suite (Playwright, e2e/extension.spec.ts) and the Firefox suite
 * (Puppeteer over WebDriver BiDi, e2e/firefox/). Each scenario names the
 * fixture page to open, the code and quiz answers to enter, and what the
 * report and the popup must show. The hostile page's scenario is in
 * hostile-scenario.ts.
 */
import { MISTAKES, QUIZ_ANSWERS, SOLUTION, STEP_IDS, type Mistake } from './solutions.ts';

/** The variants whose editors the page readers must read. */
export const EDITOR_VARIANTS = ['textarea', 'codemirror6', 'monaco', 'ace', 'codemirror5', 'data-lab'] as const;
export type Variant = (typeof EDITOR_VARIANTS)[number] | 'no-lab';

export const LAB_ID = 'aws-assume-role-temporary-access';

/** The reader expected to read each step on each variant. */
export function expectedReaders(variant: Variant): Record<string, string> {
  if (variant === 'data-lab') {
    return {
      'trust-policy': 'textarea',
      'role-name': 'data-lab',
      'assume-role-command': 'textarea',
      'create-role-command': 'textarea',
    };
  }
  return Object.fromEntries(STEP_IDS.map((step) => [step, variant]));
}

export interface SolutionScenario {
  name: string;
  variant: Variant;
  steps: Readonly<Record<string, string>>;
  readers: Record<string, string>;
}

/** The reference solution typed into each editor variant: every step passes. */
export const SOLUTION_SCENARIOS: readonly SolutionScenario[] = EDITOR_VARIANTS.map((variant) => ({
  name: `${variant}: reference solution passes`,
  variant,
  steps: SOLUTION,
  readers: expectedReaders(variant),
}));

export interface MistakeScenario {
  name: string;
  variant: Variant;
  mistake: Mistake;
  /** The solution with this mistake in its step. */
  steps: Readonly<Record<string, string>>;
}

/** Each common mistake fails only its own step. The mistakes take turns over the editor variants. */
export const MISTAKE_SCENARIOS: readonly MistakeScenario[] = MISTAKES.map((mistake, index) => {
  const variant = EDITOR_VARIANTS[index % EDITOR_VARIANTS.length] ?? 'textarea';
  return {
    name: `${mistake.name} fails ${mistake.step} (${variant})`,
    variant,
    mistake,
    steps: { ...SOLUTION, [mistake.step]: mistake.code },
  };
});

export type QuizStatus = 'pass' | 'fail' | 'missing';

export interface QuizScenario {
  name: string;
  variant: Variant;
  /** Question number to the option letter clicked. */
  choices: Record<string, string>;
  /** Each question's id, status and chosen option, in report order. */
  expected: Array<[string, QuizStatus, string | undefined]>;
  /** A question answered wrongly, whose popup item must show feedback. */
  failed: string;
  /** A question left unanswered. */
  missing: string;
}

const QUIZ_CHOICES = { '1': QUIZ_ANSWERS['1'] ?? '', '2': 'B', '3': QUIZ_ANSWERS['3'] ?? '', '4': 'C' };

/** Two right answers, two wrong ones and one left out, on a radio-button quiz and on a `data-lab` page. */
export const QUIZ_SCENARIOS: readonly QuizScenario[] = (['textarea', 'data-lab'] as const).map((variant) => ({
  name: `${variant}: quiz graded with feedback`,
  variant,
  choices: QUIZ_CHOICES,
  expected: [
    ['1', 'pass', 'B'],
    ['2', 'fail', 'B'],
    ['3', 'pass', 'A'],
    ['4', 'fail', 'C'],
    ['5', 'missing', undefined],
  ],
  failed: '2',
  missing: '5',
}));

/** A page that is not a lab: the popup shows this text and no report. */
export const NO_LAB_SCENARIO = {
  name: 'page that is not a lab',
  variant: 'no-lab' as Variant,
  text: 'No lab found on this page',
};
