/**
 * "Export submission": saves the learner's answers and the report they
 * were graded to as a submission export (src/core/submissions), for the
 * learner to hand in and the instructor to verify.
 *
 * Mount it beside a report, for example:
 *
 *   <ExportButton report={state.report} getInput={() => request({ kind: ..., tabId })} page={state.url} />
 *
 * `label` and `failedLabel` take the popup's localized strings; until
 * _locales has them, the button reads "Export submission".
 *
 * `getInput` must return the exact input that `report` was graded from
 * (the code per step or the one code text, and the quiz answers). An
 * export whose report does not match its input is flagged when the
 * instructor regrades it.
 */
import { useState } from 'preact/hooks';
import type { SubmissionInput } from '../core/engine/grade.ts';
import type { SubmissionReport } from '../core/engine/report.ts';
import { buildSubmissionExport, exportFileName } from '../core/submissions/build-export.ts';
import { createLogger } from '../extension/logger.ts';
import { saveBlob } from '../extension/save-blob.ts';

const log = createLogger('popup');

export interface ExportButtonProps {
  report: SubmissionReport;
  getInput: () => SubmissionInput | Promise<SubmissionInput>;
  /** The course page the answers were read from, recorded in the export. */
  page?: string;
  label?: string;
  failedLabel?: string;
}

export function ExportButton({ report, getInput, page, label = 'Export submission', failedLabel = 'Export failed' }: ExportButtonProps) {
  const [state, setState] = useState<'idle' | 'saving' | 'failed'>('idle');

  const save = async () => {
    setState('saving');
    try {
      const input = await getInput();
      const submission = await buildSubmissionExport({
        input,
        report,
        exportedAt: new Date(),
        ...(page === undefined ? {} : { page }),
      });
      const blob = new Blob([`${JSON.stringify(submission, null, 2)}\n`], { type: 'application/json' });
      saveBlob(blob, exportFileName(submission));
      setState('idle');
    } catch (error) {
      log.error('could not export the submission', error);
      setState('failed');
    }
  };

  return (
    <button type="button" class="export-submission" data-testid="export-submission" disabled={state === 'saving'} onClick={save}>
      {state === 'failed' ? failedLabel : label}
    </button>
  );
}
