/**
 * Checks of one parameter value once unpacked: the model's constraints, and policy documents
 * through the policy validator, with each finding placed in the command or the referenced file.
 */
import type { Finding } from '../findings.ts';
import { validatePolicy, type PolicyKind } from '../policy/index.ts';
import { locateValue, offsetOf, type ValueText } from './locate.ts';
import { commandFinding } from './messages.ts';
import { inputMember, type Operation } from './operation.ts';
import type { ParamIssue } from './params.ts';
import type { CommandContext } from './stage.ts';
import type { Unpacked } from './unpack.ts';

const FILE_NAME = /^[\w.\/-]+\.(?:json|txt|policy)$/i;

export function flushUnpackIssues(operation: Operation, member: string, option: string): void {
  const { context, unpacker } = operation;
  for (const issue of unpacker.issues.splice(0)) {
    const located = locateValue(context.lines, issue.value, issue.range);
    const data = { ...issue.data, parameter: member, option, ...(located.file ? { file: located.file } : {}) };
    context.findings.push(commandFinding({ code: issue.code, data, span: located.span, path: option }));
  }
}

export function validateMember(operation: Operation, member: string, option: string, shapeName: string, unpacked: Unpacked): void {
  const { validator } = operation;
  if (!operation.validates) return;
  const before = validator.issues.length;
  const ref = inputMember(operation, member);
  validator.validate(unpacked.value, shapeName, member, typeof ref === 'object' && ref.hostLabel === true);
  const issues = validator.issues.splice(before);
  for (const issue of issues) reportParamIssue(operation, issue, member, option, unpacked.parts);

  const value = unpacked.value;
  if (issues.length === 0 && typeof value === 'string' && /policyDocumentType$/i.test(shapeName)) {
    checkPolicyDocument(operation, member, option, value, unpacked.parts.get(''));
  }
}

function reportParamIssue(operation: Operation, issue: ParamIssue, member: string, option: string, parts: Unpacked['parts'] | undefined): void {
  const { context } = operation;
  const relative = issue.path === member ? '' : issue.path.slice(member.length).replace(/^\./, '');
  const part = findPart(parts, relative);
  const located = part ? locateValue(context.lines, part.value, part.range) : undefined;
  const span = located?.span ?? context.result.parameterSpans[member];
  const data = { ...issue.data, parameter: member, option, ...(located?.file ? { file: located.file } : {}) };
  context.findings.push(commandFinding({ code: issue.code, data, ...(span ? { span } : {}), path: option }));
}

/** Returns the part at `path`, or at its nearest enclosing path. */
function findPart(parts: Unpacked['parts'] | undefined, path: string): { value: ValueText; range: readonly [number, number] } | undefined {
  if (!parts) return undefined;
  let current = path;
  for (;;) {
    const part = parts.get(current);
    if (part) return part;
    if (!current) return undefined;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['), current.lastIndexOf(' (key'));
    current = cut > 0 ? current.slice(0, cut) : '';
  }
}

function checkPolicyDocument(
  operation: Operation, member: string, option: string, text: string, part: { value: ValueText; range: readonly [number, number] } | undefined,
): void {
  const { context } = operation;
  if (!part) return;
  const trust = member === 'AssumeRolePolicyDocument' || operation.apiName === 'UpdateAssumeRolePolicy';
  const kind: PolicyKind = trust ? 'trust' : 'identity';
  if (part.value.kind === 'word' && FILE_NAME.test(text.trim())) {
    const span = locateValue(context.lines, part.value, part.range).span;
    context.findings.push(commandFinding({ code: 'VALUE_LOOKS_LIKE_FILE', data: { parameter: member, option, value: text.trim() }, span, path: option }));
    return;
  }
  const validation = validatePolicy(text, { kind });
  for (const finding of validation.findings) context.findings.push(relocatePolicyFinding(context, finding, part.value, member, option));
}

function relocatePolicyFinding(context: CommandContext, finding: Finding, value: ValueText, member: string, option: string): Finding {
  const data = { ...finding.data, parameter: member, option, ...(value.kind === 'file' ? { file: value.file } : {}) };
  const relocated: Finding = { ...finding, data, ...(finding.severity === 'error' ? { rejectedBy: 'service' as const } : {}) };
  if (value.kind === 'file' || finding.line === undefined || finding.column === undefined) return relocated;
  const start = offsetOf(value.text, finding.line, finding.column);
  const end = offsetOf(value.text, finding.endLine ?? finding.line, finding.endColumn ?? finding.column);
  return { ...relocated, ...locateValue(context.lines, value, [start, end]).span };
}
