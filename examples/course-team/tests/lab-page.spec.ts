import { readFileSync } from 'node:fs';
import { expect, reportSchema, test } from 'lab-check/playwright';

const answers = JSON.parse(readFileSync(new URL('../answers.json', import.meta.url), 'utf8'));

test('the lab page works with Lab Check', async ({ page, checkPage }) => {
  await page.goto(`${process.env['COURSE_URL']}lab.html`);
  for (const [step, code] of Object.entries(answers.reference)) await page.fill(`#answer-${step}`, String(code));
  for (const [question, option] of Object.entries(answers.quiz)) await page.check(`#q${question}-${option}`);
  const reference = await checkPage(page);
  const report = reportSchema.parse(reference.report);
  expect(Object.keys(reference.readers)).toEqual(Object.keys(answers.reference));
  expect(report.steps.map((step) => step.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  expect(report.quiz.map((question) => question.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);

  await page.fill(`#answer-${answers.mistake.step}`, answers.mistake.code);
  const { report: mistaken } = await checkPage(page);
  expect(mistaken?.steps.find((step) => step.id === answers.mistake.step)?.status).toBe('fail');
});
