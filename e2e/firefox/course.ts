/**
 * The fixture course pages for the Firefox suite: built into a folder of
 * their own (so that a Chromium run at the same time keeps its copy) and
 * served from 127.0.0.1, with helpers that fill in answers through each
 * page's editor API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { buildFixtures } from '../build-fixtures.mjs';
import type { Variant } from '../scenarios.ts';
import { startStaticServer } from '../static-server.ts';

export interface CourseSite {
  url: string;
  /** Opens a fixture course page in `page` and waits until its editors are ready. */
  open(page: Page, variant: Variant): Promise<void>;
  close(): Promise<void>;
}

export async function startCourseSite(): Promise<CourseSite> {
  const dir = await buildFixtures(mkdtempSync(join(tmpdir(), 'lab-check-fixtures-')));
  const server = await startStaticServer(dir);
  return {
    url: server.url,
    async open(page, variant) {
      await page.goto(`${server.url}${variant}.html`);
      if (variant !== 'no-lab') await page.waitForFunction(() => window.labFixture !== undefined);
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Puts each step's code into the page, through the embedded editor's own API. */
export async function fillSteps(page: Page, steps: Readonly<Record<string, string>>): Promise<void> {
  await page.evaluate((code) => window.labFixture?.fill(code), { ...steps });
}

/** Chooses quiz options by clicking them, as a learner does: question number to option letter. */
export async function answerQuiz(page: Page, choices: Record<string, string>): Promise<void> {
  for (const [question, option] of Object.entries(choices)) {
    await page.click(`#q${question}-${option}`);
  }
}
