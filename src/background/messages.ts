/**
 * The messages the background worker accepts, one zod/mini schema per kind,
 * and what each one replies. The popup sends the `popup` kinds; content
 * scripts send only `lab-check/page-changed`. The page snapshot itself is a
 * reply to the worker's read request (src/content/page-snapshot.ts).
 */
import type { SubmissionInput } from '../core/engine/grade.ts';
import * as z from 'zod/mini';
import type { SubmissionReport } from '../core/engine/report.ts';
import { MAX_PASTED_CHARS } from '../extension/paste-limit.ts';

export { MAX_PASTED_CHARS };

const tabId = z.int().check(z.nonnegative());
const pasted = z.string().check(z.maxLength(MAX_PASTED_CHARS));
const origin = z.string().check(z.maxLength(2048), z.regex(/^https?:\/\/[^/\s]+$/));

export const REQUEST_SCHEMAS = {
  /** The tab's last check result, from session storage. */
  'lab-check/get-state': z.object({ kind: z.literal('lab-check/get-state'), tabId }),
  /** Reads the tab's page (injecting the content scripts first) and grades it. */
  'lab-check/check-tab': z.object({ kind: z.literal('lab-check/check-tab'), tabId }),
  /** Grades code the learner pasted into the popup, for one lab. */
  'lab-check/grade-pasted': z.object({
    kind: z.literal('lab-check/grade-pasted'),
    tabId: z.optional(tabId),
    labId: z.string().check(z.maxLength(200)),
    code: z.optional(pasted),
    steps: z.optional(z.record(z.string().check(z.maxLength(200)), pasted)),
  }),
  /** Scrolls the page to the element an answer was read from. */
  'lab-check/scroll-to': z.object({
    kind: z.literal('lab-check/scroll-to'),
    tabId,
    anchor: z.string().check(z.maxLength(300)),
    line: z.optional(z.int().check(z.positive())),
  }),
  /** The labs that pasted code can be graded against. */
  'lab-check/list-labs': z.object({ kind: z.literal('lab-check/list-labs') }),
  /** Whether the tab's site is checked automatically. */
  'lab-check/get-auto-check': z.object({ kind: z.literal('lab-check/get-auto-check'), tabId }),
  /** Turns automatic checks on or off for a site; the popup has asked for the host permission first. */
  'lab-check/set-auto-check': z.object({
    kind: z.literal('lab-check/set-auto-check'),
    origin,
    enabled: z.boolean(),
  }),
  /** Sent by a content script when the learner edits an answer; re-checks only on opted-in sites. */
  'lab-check/page-changed': z.object({ kind: z.literal('lab-check/page-changed') }),
} as const;

export type RequestKind = keyof typeof REQUEST_SCHEMAS;
export type RequestOf<K extends RequestKind> = z.infer<(typeof REQUEST_SCHEMAS)[K]>;

/** Which sender may send each kind. */
export const REQUEST_SENDERS: Record<RequestKind, 'extension-page' | 'content-script'> = {
  'lab-check/get-state': 'extension-page',
  'lab-check/check-tab': 'extension-page',
  'lab-check/grade-pasted': 'extension-page',
  'lab-check/scroll-to': 'extension-page',
  'lab-check/list-labs': 'extension-page',
  'lab-check/get-auto-check': 'extension-page',
  'lab-check/set-auto-check': 'extension-page',
  'lab-check/page-changed': 'content-script',
};

export interface LabSummary {
  id: string;
  title: string;
  steps: Array<{ id: string; title: string; variable: string }>;
}

/** Where on the page each part of a report was read from, for scroll requests. */
export interface ReportAnchors {
  steps: Record<string, string>;
  /** The editor that held the code for all steps, when the page had one. */
  code?: string;
  quiz: Record<string, string>;
}

/** The result of the last check of a tab, as stored in session storage and shown by the popup. */
export type TabState =
  | {
      state: 'report';
      lab: LabSummary;
      report: SubmissionReport;
      url?: string;
      origin?: string;
      anchors: ReportAnchors;
      /** Steps the page had no editor for; the popup offers to paste them. */
      unreadSteps: string[];
      /** Page parts the content script could not read, in the content script's own words (src/content/page-notes.ts). */
      notes: string[];
      /** The quiz answers read from the page, kept so that a paste is graded with them. */
      quizInput?: Record<string, string | string[]>;
      /** The exact input `report` was graded from, for "Export submission". */
      input?: SubmissionInput;
      pasted: boolean;
      checkedAt: number;
      /** Set once the tab shows another URL than `url`: the result is of the page the tab showed before. */
      previousPage?: true;
    }
  | { state: 'no-lab'; url?: string; origin?: string; notes: string[]; checkedAt: number; previousPage?: true }
  /** The browser does not let the extension read the page (a settings page, a store page, a PDF). */
  | { state: 'unreadable'; detail: string; checkedAt: number };

export interface AutoCheckState {
  origin?: string;
  enabled: boolean;
}

export interface ResponseOf {
  'lab-check/get-state': TabState | null;
  'lab-check/check-tab': TabState;
  'lab-check/grade-pasted': TabState;
  'lab-check/scroll-to': { found: boolean };
  'lab-check/list-labs': LabSummary[];
  'lab-check/get-auto-check': AutoCheckState;
  'lab-check/set-auto-check': AutoCheckState;
  'lab-check/page-changed': { scheduled: boolean };
}

/** Every reply is wrapped so that a handler's failure reaches the sender as data. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
