/**
 * The detail of one row: its error or flags, each step's findings, the
 * quiz, and the learner's code with the lines the findings point at
 * marked. Learner text is rendered as text nodes only, and the learner id,
 * source and messages with `visibleText`, so that bidirectional and
 * control characters show as escapes instead of reordering the text.
 */
import type { Finding } from '../core/findings.ts';
import { findingLine } from '../core/submissions/row-text.ts';
import { visibleText } from '../core/submissions/visible-text.ts';
import { codeTexts, type CodeText } from './code-view.ts';
import type { Detail } from './use-regrade-worker.ts';

export function DetailPanel({ detail, onClose }: { detail: Detail; onClose(): void }) {
  const { row, input } = detail;
  const report = row.report;
  const texts = input ? codeTexts(input, report) : [];

  return (
    <aside class="detail" data-testid="detail" aria-label={`Submission of ${visibleText(row.learner)}`}>
      <header>
        <h2>{visibleText(row.learner) || '(no learner id)'}</h2>
        <button type="button" onClick={onClose} aria-label="Close the detail">
          ×
        </button>
      </header>
      <p class="muted">{visibleText(row.source)}</p>
      {report && (
        <p>
          {report.score.earned}/{report.score.possible} points, {report.lab} {report.labVersion}, {visibleText(report.grader)}
        </p>
      )}
      {row.error && (
        <p class="failure" data-testid="detail-error">
          {row.error.code}: {visibleText(row.error.message)}
        </p>
      )}
      {row.flags.length > 0 && (
        <ul class="flags" data-testid="detail-flags">
          {row.flags.map((flag) => (
            <li>
              <strong>{flag.code}</strong> {visibleText(flag.message)}
            </li>
          ))}
        </ul>
      )}
      {row.claim && (
        <p class="muted">
          Claimed {row.claim.score.earned}/{row.claim.score.possible} by {visibleText(row.claim.grader)}; digest{' '}
          {row.claim.digestValid ? 'matches' : 'does not match'}.
        </p>
      )}

      {report && (
        <ol class="steps">
          {report.steps.map((step) => (
            <li class={step.status}>
              <span class={`status ${step.status}`}>{step.status}</span> {step.title}
              <FindingList findings={step.findings} input={step.foundIn} />
              {step.hint && step.status !== 'pass' && <p class="hint">{step.hint}</p>}
            </li>
          ))}
          {report.quiz.map((question) => (
            <li class={question.status}>
              <span class={`status ${question.status}`}>{question.status}</span> Quiz {question.id}
              {question.chosen ? `: chose ${question.chosen}` : ''}
            </li>
          ))}
        </ol>
      )}
      {report && report.findings.length > 0 && <FindingList findings={report.findings} input={undefined} />}
      {texts.map((text) => (
        <CodeBlock text={text} />
      ))}
    </aside>
  );
}

function FindingList({ findings, input }: { findings: readonly Finding[]; input: string | undefined }) {
  if (findings.length === 0) return null;
  return (
    <ul class="findings">
      {findings.map((finding) => (
        <li class={finding.severity}>{findingLine(finding, input)}</li>
      ))}
    </ul>
  );
}

function CodeBlock({ text }: { text: CodeText }) {
  return (
    <figure class="code" data-testid="code">
      <figcaption>{visibleText(text.name)}</figcaption>
      <pre>
        {text.lines.map((line, i) => {
          const marks = text.marks.get(i + 1);
          // A finding's note goes under its first line; the lines it spans are all marked.
          const starting = marks?.filter((mark) => (mark.line ?? 1) === i + 1) ?? [];
          return (
            <>
              <div class={marks ? 'line marked' : 'line'} data-line={i + 1}>
                <span class="number">{i + 1}</span>
                <span class="text">{line || ' '}</span>
              </div>
              {starting.map((mark) => (
                <div class={`note ${mark.severity}`} data-line={i + 1}>
                  <span class="number" />
                  <span class="text">
                    {' '.repeat(Math.max(0, (mark.column ?? 1) - 1))}^ {mark.code}: {visibleText(mark.message)}
                  </span>
                </div>
              ))}
            </>
          );
        })}
      </pre>
      {text.hiddenLines > 0 && <p class="muted">{text.hiddenLines} more lines are not shown.</p>}
    </figure>
  );
}
