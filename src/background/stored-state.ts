/**
 * Reads what the worker finds in storage: validates each stored tab state
 * and migrates the data of earlier schema versions (see
 * src/extension/storage-schema.ts). Uses no browser API, so the tests run
 * it in Node.
 */
import * as z from 'zod/mini';
import { submissionReportSchema } from '../core/engine/report.ts';
import { SCHEMA_VERSION_KEY, STORAGE_SCHEMA_VERSION, unwrapCurrentTabState } from '../extension/storage-schema.ts';
import type { TabState } from './messages.ts';
import { originOf } from './url.ts';

/** The `storage.local` key of the sites checked automatically. */
export const AUTO_CHECK_ORIGINS_KEY = 'autoCheckOrigins';

const stringRecord = z.record(z.string(), z.string());

const reportState = z.object({
  state: z.literal('report'),
  lab: z.object({
    id: z.string(),
    title: z.string(),
    steps: z.array(z.object({ id: z.string(), title: z.string(), variable: z.string() })),
  }),
  report: submissionReportSchema,
  url: z.optional(z.string()),
  origin: z.optional(z.string()),
  anchors: z.object({ steps: stringRecord, code: z.optional(z.string()), quiz: stringRecord }),
  unreadSteps: z.array(z.string()),
  notes: z.array(z.string()),
  quizInput: z.optional(z.record(z.string(), z.union([z.string(), z.array(z.string())]))),
  input: z.optional(
    z.object({
      source: z.optional(z.string()),
      language: z.optional(z.enum(['python', 'javascript', 'typescript', 'shell'])),
      code: z.optional(z.string()),
      steps: z.optional(stringRecord),
      quiz: z.optional(z.record(z.string(), z.union([z.string(), z.array(z.string())]))),
    }),
  ),
  pasted: z.boolean(),
  checkedAt: z.number(),
  previousPage: z.optional(z.literal(true)),
});

const noLabState = z.object({
  state: z.literal('no-lab'),
  url: z.optional(z.string()),
  origin: z.optional(z.string()),
  notes: z.array(z.string()),
  checkedAt: z.number(),
  previousPage: z.optional(z.literal(true)),
});

const unreadableState = z.object({ state: z.literal('unreadable'), detail: z.string(), checkedAt: z.number() });

export const TabStateSchema = z.discriminatedUnion('state', [reportState, noLabState, unreadableState]);

/**
 * Returns the tab state in a stored value: a current-version envelope, or
 * a bare version 1 `TabState`. Returns undefined for anything incomplete
 * or of another version, so that the popup shows a check in progress and
 * never part of a report.
 */
export function readStoredTabState(value: unknown): TabState | undefined {
  const candidate = unwrapCurrentTabState(value) ?? (isVersionOne(value) ? value : undefined);
  if (candidate === undefined) return undefined;

  const parsed = z.safeParse(TabStateSchema, candidate);
  return parsed.success ? (parsed.data as TabState) : undefined;
}

/** Returns whether `value` is a version 1 record: the `TabState` itself, with a `state` key and no `schemaVersion`. */
function isVersionOne(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'state' in value && !('schemaVersion' in value);
}

/** Returns the tab ids in a stored `injectedTabs` value, dropping anything that is not a tab id. */
export function readInjectedTabs(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((tabId): tabId is number => Number.isInteger(tabId) && tabId >= 0) : [];
}

/**
 * Returns the items to set that migrate the items of `storage.local` to the
 * current version, or undefined when they are current already or come from
 * a newer version, which this one leaves alone. Version 1 had no version
 * key and kept the automatic-check sites as any strings. Version 2 keeps
 * only valid http(s) origins, once each and sorted, and records its version.
 */
export function migrateLocalItems(items: Record<string, unknown>): Record<string, unknown> | undefined {
  const version = items[SCHEMA_VERSION_KEY];
  if (typeof version === 'number' && version >= STORAGE_SCHEMA_VERSION) return undefined;

  const stored = items[AUTO_CHECK_ORIGINS_KEY];
  const origins = Array.isArray(stored) ? stored : [];
  const valid = origins.filter((origin): origin is string => typeof origin === 'string' && originOf(origin) === origin);
  return { [SCHEMA_VERSION_KEY]: STORAGE_SCHEMA_VERSION, [AUTO_CHECK_ORIGINS_KEY]: [...new Set(valid)].sort() };
}
