/**
 * The hostile page scenario (fixtures/hostile/), shared by the Chromium and
 * the Firefox suites: what the page contains and what the extension must do
 * with it.
 */
import { readFileSync } from 'node:fs';

export interface HostilePayloads {
  /** The code in each step's textarea, with HTML and script payloads. */
  steps: Record<string, string>;
  /** Payload texts that the popup must show as text, as its messages quote them. */
  shownAsText: string[];
  questionSuffix: string;
  optionSuffix: string;
  /** The correct answer the page claims for the role name, from an element that is no editor. */
  forgedClaim: string;
  hugeCodeChars: number;
  /** The reason in the page's own words that its forged reply gives for an unreadable editor. */
  spoofedReason: string;
}

export const HOSTILE_PAYLOADS: HostilePayloads = JSON.parse(
  readFileSync(new URL('./fixtures/hostile/payloads.json', import.meta.url), 'utf8'),
);

/** The page's path on the fixture server. */
export const HOSTILE_PAGE = 'hostile.html';

/** What the page sets on `window.hostile` (fixtures/hostile/hostile.js). */
export interface HostileState {
  ready?: boolean;
  trapCalls: Record<string, number>;
  leaks: string[];
  stolenNonces: number;
  forgedReplies: number;
  mutations: number;
  inputEvents: number;
  firingInputs: boolean;
  slowReads: number;
  runtimeReachable: boolean;
  /** Set by a test: the next reads get a reply with unreadable editors, with reasons in the page's words or as codes. */
  spoofUnreadable?: 'page-text' | 'codes';
  /** Set by a test: the page navigates to this URL when the next read starts. */
  navigateOnRead?: string;
}

/** Page notes that say why the 10 MB of code was not read. */
export const HUGE_CODE_NOTES = [
  `Skipped a textarea answer of ${HOSTILE_PAYLOADS.hugeCodeChars} characters: it is over the limit per answer.`,
  `Skipped an Ace editor of ${HOSTILE_PAYLOADS.hugeCodeChars} characters: the limit is 262144 characters per answer.`,
];

/** The maximum time one check of the hostile page may take, 10 MB of code and DOM churn included. */
export const HOSTILE_CHECK_MS = 10_000;

/** What an extension page rendered from page data, as `inspectRendered` returns it. */
export interface RenderedPage {
  /** Elements that page data would have created had it been parsed as HTML. */
  injected: string[];
  /** Globals that a payload would have set. */
  pwned: unknown[];
  text: string;
}

/**
 * Runs in an extension page: lists elements and globals that a payload would
 * have created. The page's own markup has no image, frame, inline script or
 * link, so any of these comes from page data.
 */
export function inspectRendered(): RenderedPage {
  const injected = Array.from(
    document.querySelectorAll('img, iframe, object, embed, a[href^="javascript:"], script:not([src]), [onerror], [onload], [onmouseover]'),
    (element) => element.outerHTML.slice(0, 200),
  );
  const root = window as unknown as Record<string, unknown>;
  return { injected, pwned: [root['__labCheckPwned']].filter((value) => value !== undefined), text: document.body.innerText };
}

/**
 * Returns why the page shows part of a report, or undefined when it shows
 * a whole one or none. It runs in the popup, passed to `evaluate` with the
 * lab's step ids.
 */
export function partialReportIn(stepIds: readonly string[]): string | undefined {
  const report = document.querySelector('[data-testid="report"]');
  if (!report) return undefined;
  const steps = Array.from(report.querySelectorAll('[data-testid^="step-"][data-status]'), (item) => item.getAttribute('data-testid'));
  if (steps.join() !== stepIds.map((id) => `step-${id}`).join()) return `steps ${steps.join()}`;
  if (!report.querySelector('[data-testid="score"]')?.textContent) return 'no score';
  return undefined;
}
