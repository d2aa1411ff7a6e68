import { applySeverityOverrides, compareFindings, isError, type Finding } from '../findings.ts';
import { CHECKS } from './checks/index.ts';
import { runChecks } from './context.ts';
import { buildDocument, type PolicyDocument } from './document.ts';
import { renderFinding } from './messages.ts';
import { normalizePolicy } from './normalize.ts';
import { MAX_DOCUMENT_LENGTH, scanText } from './scan.ts';
import { parseJson, type ParseResult } from './syntax.ts';
import type { NormalizedPolicy, PolicyValidation, ValidatePolicyOptions } from './types.ts';

/** Adds `policy` as an enumerable property that normalizes on first read, because most callers only read the findings. */
function definePolicy(result: PolicyValidation, document: PolicyDocument): void {
  let policy: NormalizedPolicy | undefined;
  Object.defineProperty(result, 'policy', {
    enumerable: true,
    configurable: true,
    get: () => (policy ??= normalizePolicy(document)),
  });
}

export const DEFAULT_SIZE_QUOTA = { trust: 2048, identity: 6144 } as const;

/**
 * Validates a policy document and reads its grants. Never throws: any input,
 * including binary data and megabytes of text, becomes findings.
 */
export function validatePolicy(text: string, options: ValidatePolicyOptions = {}): PolicyValidation {
  const source = typeof text === 'string' ? text : '';
  const kind = options.kind === 'identity' ? 'identity' : 'trust';
  const sizeQuota = options.sizeQuota ?? DEFAULT_SIZE_QUOTA[kind];
  try {
    const scan = scanText(source);
    let parsed: ParseResult | undefined;
    if (source.length <= MAX_DOCUMENT_LENGTH && scan.tooDeepAt < 0) {
      parsed = parseJson(source, scan.controlCharactersInStrings[0] ?? -1);
    }
    const document = parsed?.ok ? buildDocument(parsed.document) : undefined;
    const raw = runChecks(CHECKS, { text: source, kind, sizeQuota, scan, parsed, document });
    const findings = applySeverityOverrides(raw, options.overrides).map(renderFinding).sort(compareFindings);
    const result: PolicyValidation = { valid: !findings.some(isError), findings };
    if (document) definePolicy(result, document);
    return result;
  } catch {
    // An exception here is a bug in a check; the learner still gets a finding instead of a crash.
    const finding: Finding = renderFinding({ code: 'INTERNAL_ERROR', severity: 'error', message: '', line: 1, column: 1 });
    return { valid: false, findings: [finding] };
  }
}
