/**
 * Grades a step whose value is an AWS CLI command: the command validator
 * finds no error, running the text sends the expected operation's request
 * and no other, and each parameter the step names has the expected value
 * or is read from the expected file.
 */
import { isError, type Finding } from '../../findings.ts';
import {
  normalizeFilePath as normalizePath,
  requestEffect,
  xformName as cliName,
  type CommandValidation,
} from '../../command/index.ts';
import type { CommandCheck, ParameterRule } from '../lab-pack.ts';
import { mapValueSpan, relocate, valueSpan, type ResolvedVariable } from '../locate.ts';
import { nonStringFinding, stepFinding, type CheckContext } from './context.ts';

export function checkCommand(context: CheckContext, check: CommandCheck): Finding[] {
  const notString = nonStringFinding(context);
  if (notString) return [notString];

  const validation = context.command();
  if (!validation) return [];

  const findings = validatorFindings(context, check, validation);
  // Nothing is sent, so parameter findings would only bury the finding that explains why.
  if (findings.some((finding) => requestEffect(finding.code) === 'none')) return findings;
  if (validation.service !== check.service || validation.operation !== check.operation) {
    if (findings.some(isError) && !validation.operation) return findings;
    findings.push(
      stepFinding(context, {
        code: 'WRONG_OPERATION',
        severity: 'error',
        data: {
          expectedService: check.service,
          expectedOperation: cliName(check.operation),
          actualService: validation.service,
          actualOperation: validation.operation ? cliName(validation.operation) : undefined,
        },
        ...valueSpan(context.variable),
      }),
    );
    return findings;
  }

  for (const [parameter, rule] of Object.entries(check.parameters)) {
    findings.push(...checkParameter(context, validation, parameter, rule));
  }
  for (const limit of check.limits ?? []) {
    const finding = checkLimit(context, validation, limit);
    if (finding) findings.push(finding);
  }
  return findings;
}

/**
 * Relocates the validator's findings into the learner's code. Findings about
 * a referenced virtual file become one warning on this step, because the
 * mistake, and its fix, belong to the step that defines the file. Findings
 * that mean the text would not send the parsed request alone (help,
 * --generate-cli-skeleton, a command before the aws command, a second aws
 * command) become errors: the CLI accepts such text, but the step grades
 * the request it sends.
 */
function validatorFindings(
  context: CheckContext,
  check: CommandCheck,
  validation: CommandValidation,
): Finding[] {
  const findings: Finding[] = [];
  const fileErrors = new Map<string, Finding[]>();
  const fileRuleParameters = new Set(
    Object.entries(check.parameters)
      .filter(([, rule]) => 'file' in rule)
      .map(([parameter]) => parameter),
  );

  for (const finding of validation.findings) {
    const file = virtualFileOf(context, finding);
    if (file !== undefined) {
      if (isError(finding)) fileErrors.set(file, [...(fileErrors.get(file) ?? []), finding]);
      continue;
    }
    // A file rule explains an inline or unprefixed document better than the policy findings on it.
    const parameter = typeof finding.data?.parameter === 'string' ? finding.data.parameter : undefined;
    if (parameter && fileRuleParameters.has(parameter) && finding.rejectedBy === 'service') continue;
    const graded = requestEffect(finding.code) ? { ...finding, severity: 'error' as const } : finding;
    findings.push(relocate(graded, context.variable));
  }

  for (const [file, errors] of fileErrors) {
    const source = context.lab.files.find((candidate) => candidate.name === file);
    const step = context.lab.steps.find((candidate) => candidate.variable === source?.variable);
    findings.push(
      stepFinding(context, {
        code: 'REFERENCED_FILE_INVALID',
        severity: 'warning',
        rejectedBy: 'service',
        data: { file, step: step?.id ?? source?.variable, codes: errors.map((error) => error.code) },
        ...valueSpan(context.variable),
      }),
    );
  }
  return findings;
}

/**
 * Returns the lab's virtual file that a finding is about, when the finding
 * concerns the file's contents (or its absence, because the learner's value
 * for it is missing) rather than how the command refers to it.
 */
function virtualFileOf(context: CheckContext, finding: Finding): string | undefined {
  const file = finding.data?.file;
  if (typeof file !== 'string') return undefined;

  const name = normalizePath(file);
  if (!context.lab.files.some((candidate) => candidate.name === name)) return undefined;
  return finding.rejectedBy === 'service' || finding.code === 'FILE_NOT_FOUND' ? name : undefined;
}

function checkParameter(
  context: CheckContext,
  validation: CommandValidation,
  parameter: string,
  rule: ParameterRule,
): Finding[] {
  const option = `--${cliName(parameter)}`;
  const actual = validation.parameters[parameter];
  const span = parameterSpan(context.variable, validation, parameter);

  if ('file' in rule && (actual !== undefined || validation.fileReferences.some((ref) => ref.parameter === parameter))) {
    return checkFileParameter(context, validation, parameter, rule.file);
  }
  if (actual === undefined) {
    // The CLI's own error, such as a missing required option, already explains the absence.
    if (validation.findings.some((finding) => isError(finding) && finding.rejectedBy === 'cli')) return [];
    return [stepFinding(context, { code: 'PARAMETER_MISSING', severity: 'error', data: { option }, ...span })];
  }
  if ('file' in rule) return [];

  const findings: Finding[] = [];
  if (actual !== rule.equals) {
    const data = { option, actual, expected: rule.equals };
    const sameIgnoringCase =
      typeof actual === 'string' &&
      typeof rule.equals === 'string' &&
      actual.toLowerCase() === rule.equals.toLowerCase();
    const code = sameIgnoringCase ? 'PARAMETER_CASE_MISMATCH' : 'PARAMETER_MISMATCH';
    findings.push(stepFinding(context, { code, severity: 'error', path: option, data, ...span }));
  }
  if (rule.references && typeof actual === 'string') {
    const finding = checkReference(context, option, actual, rule.references, span);
    if (finding) findings.push(finding);
  }
  return findings;
}

function checkReference(
  context: CheckContext,
  option: string,
  actual: string,
  reference: { variable: string; pattern: string },
  span: ReturnType<typeof valueSpan>,
): Finding | undefined {
  const other = context.lookup(reference.variable);
  const expected = other?.assignment.value;
  if (expected?.kind !== 'string') return undefined;

  const embedded = safeMatch(reference.pattern, actual);
  if (embedded === undefined || embedded === expected.value) return undefined;
  return stepFinding(context, {
    code: 'CROSS_STEP_MISMATCH',
    severity: 'warning',
    path: option,
    data: { option, actual: embedded, expected: expected.value, variable: reference.variable },
    ...span,
  });
}

/** Matches a lab pack's pattern; a pattern that does not compile matches nothing. */
function safeMatch(pattern: string, text: string): string | undefined {
  try {
    return new RegExp(pattern).exec(text)?.groups?.value;
  } catch {
    return undefined;
  }
}

function checkFileParameter(
  context: CheckContext,
  validation: CommandValidation,
  parameter: string,
  file: string,
): Finding[] {
  const option = `--${cliName(parameter)}`;
  const span = parameterSpan(context.variable, validation, parameter);
  const reference = validation.fileReferences.find((candidate) => candidate.parameter === parameter);
  const data = { option, file };

  if (!reference) {
    const actual = String(validation.parameters[parameter] ?? '');
    const trimmed = actual.trim();
    if (normalizePath(trimmed) === file || trimmed.endsWith(`/${file}`)) {
      return [stepFinding(context, { code: 'FILE_PREFIX_MISSING', severity: 'error', path: option, data: { ...data, actual }, ...span })];
    }
    return [stepFinding(context, { code: 'FILE_INLINE_DOCUMENT', severity: 'error', path: option, data, ...span })];
  }
  if (reference.scheme === 'fileb') {
    // The validator already rejects bytes for a text parameter, with the same advice.
    const reported = validation.findings.some(
      (finding) => isError(finding) && finding.data?.parameter === parameter,
    );
    if (reported) return [];
    return [stepFinding(context, { code: 'FILE_BINARY_SCHEME', severity: 'error', path: option, data, ...span })];
  }
  if (normalizePath(reference.path) !== file) {
    return [
      stepFinding(context, { code: 'FILE_NOT_EXPECTED', severity: 'error', path: option, data: { ...data, actual: reference.path }, ...span }),
    ];
  }
  return [];
}

function checkLimit(
  context: CheckContext,
  validation: CommandValidation,
  limit: NonNullable<CommandCheck['limits']>[number],
): Finding | undefined {
  const actual = validation.parameters[limit.parameter];
  if (typeof actual !== 'number') return undefined;

  let max = limit.max;
  let fromStep: string | undefined;
  if (limit.maxFrom) {
    const other = context.commandOf(limit.maxFrom.step)?.parameters[limit.maxFrom.parameter];
    if (typeof other === 'number') {
      max = other;
      fromStep = limit.maxFrom.step;
    }
  }
  if (actual <= max) return undefined;

  const option = `--${cliName(limit.parameter)}`;
  return stepFinding(context, {
    code: 'LIMIT_EXCEEDED',
    severity: 'error',
    rejectedBy: 'service',
    path: option,
    data: { option, actual, max, fromStep },
    ...parameterSpan(context.variable, validation, limit.parameter),
  });
}

function parameterSpan(variable: ResolvedVariable, validation: CommandValidation, parameter: string) {
  const inner = validation.parameterSpans[parameter];
  return inner ? mapValueSpan(variable, inner) : valueSpan(variable);
}
