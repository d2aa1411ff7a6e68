/**
 * A graded report: the lab's title and score, each step with its findings,
 * and the quiz. Everything from the page or the learner's code is rendered
 * as text nodes, never as HTML. The titles, questions and feedback come
 * from the lab pack. Only finding messages and hints quote the learner's
 * code, and they go through `visibleText`, so that a bidirectional
 * override in the code cannot reverse the rest of the message.
 */
import type { ComponentChildren } from 'preact';
import type { QuizReport, StepReport, StepStatus } from '../core/engine/report.ts';
import type { Finding } from '../core/findings.ts';
import { visibleText } from '../core/submissions/visible-text.ts';
import type { TabState } from '../background/messages.ts';
import { createLogger } from '../extension/logger.ts';
import { request } from './api.ts';
import { t } from './i18n.ts';
import type { PasteMode } from './PasteForm.tsx';

const log = createLogger('popup');

type ReportState = Extract<TabState, { state: 'report' }>;

const STATUS_LABEL: Record<StepStatus, string> = {
  pass: 'popupStatusPass',
  fail: 'popupStatusFail',
  missing: 'popupStatusMissing',
};
const STATUS_ICON: Record<StepStatus, string> = { pass: '\u2713', fail: '\u2717', missing: '\u2013' };

/** Returns the anchor of the editor that the step's findings point into. */
export function anchorForStep(state: ReportState, step: StepReport): string | undefined {
  if (step.foundIn !== undefined) return state.anchors.steps[step.foundIn];
  return state.anchors.steps[step.id] ?? state.anchors.code;
}

function scrollTo(tabId: number, anchor: string, line?: number): void {
  request({ kind: 'lab-check/scroll-to', tabId, anchor, ...(line === undefined ? {} : { line }) }).catch((error) =>
    log.error('could not scroll the page', error),
  );
}

export function Report(props: {
  state: ReportState;
  tabId: number | undefined;
  stale: boolean;
  onPaste: (mode: PasteMode) => void;
  children?: ComponentChildren;
}) {
  const { state, tabId } = props;
  const { report } = state;
  return (
    <section class="report" data-testid="report" data-fresh={String(!props.stale)} aria-busy={props.stale}>
      <header>
        <h1 data-testid="lab-title">{state.lab.title}</h1>
        <p class="score" data-testid="score">
          {t('popupScore', report.score.earned, report.score.possible)}
        </p>
        {state.pasted && <p class="pasted">{t('popupPasted')}</p>}
      </header>

      <h2 id="steps-heading">{t('popupStepsHeading')}</h2>
      <ol class="steps" aria-labelledby="steps-heading">
        {report.steps.map((step) => (
          <Step
            key={step.id}
            step={step}
            anchor={anchorForStep(state, step)}
            unread={state.unreadSteps.includes(step.id)}
            tabId={tabId}
            onPaste={props.onPaste}
          />
        ))}
      </ol>

      {report.findings.length > 0 && (
        <ul class="findings" data-testid="report-findings">
          {report.findings.map((finding, index) => (
            <FindingItem key={index} finding={finding} />
          ))}
        </ul>
      )}

      {report.quiz.length > 0 && (
        <>
          <h2 id="quiz-heading">{t('popupQuizHeading')}</h2>
          <ol class="quiz" aria-labelledby="quiz-heading">
            {report.quiz.map((question) => (
              <Question
                key={question.id}
                question={question}
                anchor={state.anchors.quiz[question.id]}
                tabId={tabId}
              />
            ))}
          </ol>
        </>
      )}
      {props.children}
    </section>
  );
}

function StatusBadge({ status }: { status: StepStatus }) {
  return (
    <span class={`badge badge-${status}`} data-testid="status-badge">
      <span aria-hidden="true">{STATUS_ICON[status]}</span> {t(STATUS_LABEL[status])}
    </span>
  );
}

function Step(props: {
  step: StepReport;
  anchor: string | undefined;
  unread: boolean;
  tabId: number | undefined;
  onPaste: (mode: PasteMode) => void;
}) {
  const { step, anchor, tabId } = props;
  const canScroll = tabId !== undefined && anchor !== undefined;
  return (
    <li class={`step step-${step.status}`} data-testid={`step-${step.id}`} data-status={step.status}>
      <div class="step-head">
        <StatusBadge status={step.status} />
        <span class="step-title">{step.title}</span>
        {canScroll && (
          <button
            type="button"
            class="link"
            onClick={() => scrollTo(tabId, anchor)}
            data-testid={`show-step-${step.id}`}
            aria-label={`${t('popupShowInPage')}: ${step.title}`}
          >
            {t('popupShowInPage')}
          </button>
        )}
      </div>
      {props.unread && (
        <p class="unread" data-testid={`unread-${step.id}`}>
          {t('popupStepUnreadable')}{' '}
          <button type="button" class="link" onClick={() => props.onPaste('steps')} data-testid={`paste-step-${step.id}`}>
            {t('popupPasteCode')}
          </button>
        </p>
      )}
      {step.status !== 'pass' && step.findings.length > 0 && (
        <ul class="findings">
          {step.findings.map((finding, index) => (
            <FindingItem
              key={index}
              finding={finding}
              onShow={canScroll && finding.line !== undefined ? () => scrollTo(tabId, anchor, finding.line) : undefined}
            />
          ))}
        </ul>
      )}
      {step.status !== 'pass' && step.hint && <p class="hint">{step.hint}</p>}
    </li>
  );
}

function FindingItem({ finding, onShow }: { finding: Finding; onShow?: (() => void) | undefined }) {
  const where =
    finding.line !== undefined ? t('popupLineColumn', finding.line, finding.column ?? 1) : undefined;
  return (
    <li class={`finding finding-${finding.severity}`} data-testid="finding" data-code={finding.code}>
      <p class="finding-message">{visibleText(finding.message)}</p>
      {finding.hint && (
        <p class="finding-hint">
          <span class="label">{t('popupHint')}</span> {visibleText(finding.hint)}
        </p>
      )}
      {where &&
        (onShow ? (
          <button type="button" class="link where" onClick={onShow} data-testid="finding-location">
            {where}
          </button>
        ) : (
          <p class="where" data-testid="finding-location">
            {where}
          </p>
        ))}
    </li>
  );
}

function Question(props: { question: QuizReport; anchor: string | undefined; tabId: number | undefined }) {
  const { question, anchor, tabId } = props;
  return (
    <li class={`question question-${question.status}`} data-testid={`quiz-${question.id}`} data-status={question.status}>
      <div class="step-head">
        <StatusBadge status={question.status} />
        <span class="step-title">{question.text}</span>
        {tabId !== undefined && anchor !== undefined && (
          <button type="button" class="link" onClick={() => scrollTo(tabId, anchor)} data-testid={`show-quiz-${question.id}`}>
            {t('popupShowInPage')}
          </button>
        )}
      </div>
      {question.chosen === undefined ? (
        <p class="chosen">{t('popupNotAnswered')}</p>
      ) : (
        <p class="chosen">{t('popupChosen', question.chosen)}</p>
      )}
      {question.feedback && (
        <p class="feedback" data-testid={`feedback-${question.id}`}>
          {question.feedback}
        </p>
      )}
    </li>
  );
}
