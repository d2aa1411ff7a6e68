/**
 * The e2e suite's test object: the published Lab Check fixture plus the
 * fixture course pages on a loopback server, and helpers that fill in
 * answers through each page's editor API.
 */
import { test as playwrightTest, type Fixtures, type Page } from '@playwright/test';
import { test as labCheckTest } from '../src/playwright/index.ts';
import { fixturesDir } from './fixtures-dir.ts';
import type { Variant } from './scenarios.ts';
import { startStaticServer } from './static-server.ts';

export { expect } from '../src/playwright/index.ts';
export { fixturesDir } from './fixtures-dir.ts';
export { EDITOR_VARIANTS, type Variant } from './scenarios.ts';

interface CourseFixtures {
  /** Opens a fixture course page and waits until its editors are ready. */
  openCourse: (page: Page, variant: Variant) => Promise<void>;
}

const courseFixtures: Fixtures<CourseFixtures, { courseUrl: string }> = {
  courseUrl: [
    async ({}, use) => {
      const server = await startStaticServer(fixturesDir());
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],

  openCourse: async ({ courseUrl }, use) => {
    await use(async (page, variant) => {
      await page.goto(`${courseUrl}${variant}.html`);
      if (variant !== 'no-lab') await page.waitForFunction(() => window.labFixture !== undefined);
    });
  },
};

/** Tests that go through the extension: the Lab Check fixture with the course pages. */
export const test = labCheckTest.extend<CourseFixtures, { courseUrl: string }>(courseFixtures);

/** Tests of the page readers alone, in a plain Chromium page without the extension. */
export const readerTest = playwrightTest.extend<CourseFixtures, { courseUrl: string }>(courseFixtures);

/** Puts each step's code into the page, through the embedded editor's own API. */
export async function fillSteps(page: Page, steps: Record<string, string>): Promise<void> {
  await page.evaluate((code) => window.labFixture?.fill(code), steps);
}

/** Chooses quiz options by clicking them, as a learner does: question number to option letter. */
export async function answerQuiz(page: Page, choices: Record<string, string>): Promise<void> {
  for (const [question, option] of Object.entries(choices)) {
    await page.click(`#q${question}-${option}`);
  }
}
