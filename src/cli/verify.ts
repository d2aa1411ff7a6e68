/**
 * `lab-check verify EXPORT... [--format json|text]`: regrades submission
 * exports and reports, per file, whether the claimed report matches the
 * regrade, the digest matches the content, and the claim came from this
 * grader and lab version. Folders are searched for exports and ZIP
 * archives of them.
 */
import { parseArgs } from 'node:util';
import { LABS } from '../core/engine/index.ts';
import { GRADER } from '../core/version.ts';
import { BatchRegrader, type RegradeRow } from '../core/submissions/index.ts';
import { inputError } from '../core/submissions/input-errors.ts';
import { jsonText, visibleText } from '../core/submissions/visible-text.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';
import { readSubmissionItems } from './input-files.ts';
import { walkSubmissionFiles } from './submission-files.ts';
import { displayPath, resolvePath } from './grade.ts';

const USAGE = 'Usage: lab-check verify EXPORT... [--format json|text]\n';

type Verdict = 'match' | 'flagged' | 'error';

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  } catch (error) {
    io.stderr(`lab-check verify: ${(error as Error).message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    io.stderr(`lab-check verify: no export files or folders given.\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (values.format !== 'json' && values.format !== 'text') {
    io.stderr(`lab-check verify: --format must be json or text, not "${values.format}".\n`);
    return EXIT_USAGE;
  }

  const regrader = new BatchRegrader({ labs: LABS });
  const counts: Record<Verdict, number> = { match: 0, flagged: 0, error: 0 };
  const json = values.format === 'json';
  if (json) io.stdout(`{"grader":${JSON.stringify(GRADER)},"files":[\n`);

  for await (const row of verifyAll(positionals.map((path) => resolvePath(io.cwd, path)), io.cwd, regrader)) {
    const verdict = verdictOf(row);
    if (json) io.stdout(`${counts.match + counts.flagged + counts.error > 0 ? ',\n' : ''}${jsonText(jsonEntry(row, verdict))}`);
    else io.stdout(textLine(row, verdict));
    if (verdict === 'error') io.stderr(`lab-check verify: ${visibleText(row.source)}: ${visibleText(row.error?.message ?? '')}\n`);
    counts[verdict] += 1;
    await io.drain?.();
  }
  if (json) io.stdout('\n]}\n');
  else io.stdout(`${counts.match} match, ${counts.flagged} flagged, ${counts.error} unreadable\n`);

  if (counts.error > 0) return EXIT_USAGE;
  return counts.flagged > 0 ? EXIT_INVALID : EXIT_OK;
}

async function* verifyAll(paths: string[], cwd: string, regrader: BatchRegrader): AsyncGenerator<RegradeRow> {
  for await (const entry of walkSubmissionFiles(paths)) {
    if ('error' in entry) {
      yield regrader.regrade({ ok: false, source: displayPath(cwd, entry.source), error: entry.error });
      continue;
    }
    for await (const item of readSubmissionItems(entry.path, displayPath(cwd, entry.source))) {
      if (item.ok && !item.claim) {
        yield regrader.regrade({ ok: false, source: item.source, learner: item.learner, error: inputError('EXPORT_EXPECTED') });
      } else {
        yield regrader.regrade(item);
      }
    }
  }
}

function verdictOf(row: RegradeRow): Verdict {
  if (row.error) return 'error';
  return row.flags.length > 0 ? 'flagged' : 'match';
}

/** Formats one row for a terminal; the source and messages can carry learner text, hence `visibleText`. */
function textLine(row: RegradeRow, verdict: Verdict): string {
  const source = visibleText(row.source);
  if (verdict === 'error') return `${source}: error: ${visibleText(row.error?.message ?? '')}\n`;
  const score = row.report ? `${row.report.score.earned}/${row.report.score.possible}` : '';
  if (verdict === 'match') return `${source}: match: the claim equals the regrade (${score} points)\n`;
  const lines = [`${source}: FLAGGED: regraded ${score} points, claimed ${row.claim?.score.earned ?? '?'}/${row.claim?.score.possible ?? '?'}`];
  for (const flag of row.flags) lines.push(`  ${flag.code}: ${visibleText(flag.message)}`);
  return `${lines.join('\n')}\n`;
}

function jsonEntry(row: RegradeRow, verdict: Verdict): Record<string, unknown> {
  return {
    source: row.source,
    learner: row.learner,
    verdict,
    ...(row.claim ? { claimed: row.claim } : {}),
    ...(row.report ? { regraded: row.report.score, lab: row.report.lab } : {}),
    flags: row.flags,
    ...(row.error ? { error: row.error } : {}),
  };
}
