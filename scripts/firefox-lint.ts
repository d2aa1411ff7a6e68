/**
 * `npm run lint:firefox`: runs `web-ext lint` (Mozilla's addons-linter, as
 * addons.mozilla.org runs it on upload) on dist/firefox and fails on any
 * error, and on any warning that the README's Firefox section does not
 * list with the reason it is safe. A listed warning that the linter no
 * longer reports fails too, so that the list stays true.
 *
 *   npx tsx scripts/firefox-lint.ts [EXTENSION_DIR]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

export interface LintResult {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** A warning the README lists: its code and the file it is reported in. */
export interface KnownWarning {
  code: string;
  file: string;
}

const SECTION = /<!-- section:firefox -->([\s\S]*?)<!-- \/section:firefox -->/;
/** A table row that starts with a lint code and a file, both in backticks. */
const ROW = /^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|\s*`([^`]+)`\s*\|/gm;

/** Returns the warnings listed in the README's Firefox section. */
export function knownWarnings(readme: string): KnownWarning[] {
  const section = SECTION.exec(readme)?.[1] ?? '';
  return [...section.matchAll(ROW)].map(([, code = '', file = '']) => ({ code, file }));
}

const sameWarning = (message: LintMessage, known: KnownWarning): boolean =>
  message.code === known.code && (message.file ?? '') === known.file;

/** Lists what makes the lint fail; an empty list means it passes. */
export function lintProblems(result: LintResult, known: readonly KnownWarning[]): string[] {
  const describe = (message: LintMessage) =>
    `${message.code} in ${message.file ?? 'the add-on'}${message.line ? `:${message.line}` : ''}: ${message.message}`;
  const problems = result.errors.map((error) => `error ${describe(error)}`);
  for (const warning of result.warnings) {
    if (!known.some((entry) => sameWarning(warning, entry))) {
      problems.push(`warning not listed in the README: ${describe(warning)}`);
    }
  }
  for (const entry of known) {
    if (!result.warnings.some((warning) => sameWarning(warning, entry))) {
      problems.push(`the README lists ${entry.code} in ${entry.file}, which the linter no longer reports`);
    }
  }
  return problems;
}

async function main(): Promise<void> {
  const root = join(import.meta.dirname, '..');
  const sourceDir = process.argv[2] ?? join(root, 'dist', 'firefox');
  const { default: webExt } = await import('web-ext');
  const result = (await webExt.cmd.lint(
    { sourceDir, output: 'none', selfHosted: false, boring: true },
    { shouldExitProgram: false },
  )) as LintResult;

  for (const message of [...result.warnings, ...result.notices]) {
    console.log(`  ${message.code} ${message.file ?? ''}: ${message.message}`);
  }
  const problems = lintProblems(result, knownWarnings(readFileSync(join(root, 'README.md'), 'utf8')));
  const counts = `${result.errors.length} errors, ${result.warnings.length} warnings, ${result.notices.length} notices`;
  if (problems.length === 0) {
    console.log(`web-ext lint ${sourceDir}: ${counts}; every warning is listed in the README`);
    return;
  }
  for (const problem of problems) console.error(`  ${problem}`);
  console.error(`web-ext lint ${sourceDir}: ${counts}; fix the problems above`);
  process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
