/**
 * Messages and hints of the lab engine's own findings, rendered from a
 * finding's code and data. A lab step's `hints` may replace the hint of any
 * code.
 */
import type { Finding, Severity, Span } from '../findings.ts';

type Data = Record<string, unknown>;
interface MessageEntry {
  message: (data: Data) => string;
  hint?: (data: Data) => string;
}

const quoted = (value: unknown): string => JSON.stringify(String(value ?? ''));
const list = (values: unknown): string =>
  Array.isArray(values) ? values.map((value) => quoted(value)).join(', ') : quoted(values);
const statementLabel = (data: Data): string =>
  typeof data.sid === 'string' ? `statement "${data.sid}"` : `Statement[${String(data.statement)}]`;
const serializer = (data: Data): string =>
  data.language === 'python'
    ? 'json.dumps(...)'
    : data.language === 'shell'
      ? "a single-quoted string ('...')"
      : 'JSON.stringify(...)';

const LANGUAGE_NAMES: Record<string, string> = { python: 'Python', javascript: 'JavaScript', typescript: 'TypeScript' };
const withArticle = (kind: unknown): string => `${/^[aeiou]/.test(String(kind)) ? 'an' : 'a'} ${String(kind)}`;
/** A value kind as a phrase after "is": "an array", "a number", and "null" or "undefined" alone. */
const kindPhrase = (kind: unknown): string => (kind === 'null' || kind === 'undefined' ? String(kind) : withArticle(kind));
const where = (data: Data): string =>
  data.elsewhere ? `the code of step ${quoted(data.input)} at line ${data.line}, column ${data.column}` : 'the code here';
const languageName = (data: Data): string => LANGUAGE_NAMES[String(data.language)] ?? 'the interpreter';

export const ENGINE_MESSAGES: Record<string, MessageEntry> = {
  VARIABLE_MISSING: {
    message: (d) => `The variable ${d.variable} is not defined.`,
    hint: (d) => `Assign ${d.variable} at the top level of your code, spelled exactly like this.`,
  },
  CODE_READ_IN_PART: {
    message: (d) =>
      `The checker stopped reading ${where(d)}, before its end, so ${d.variable} may be set again in the part that was not read.`,
    hint: () =>
      'The step is graded only when the whole code is read. Remove what the lab does not ask for, ' +
      'such as long comments or generated data, and check again.',
  },
  CODE_SYNTAX_ERROR: {
    message: (d) =>
      `The code has a syntax error here, so ${languageName(d)} would run none of it and ${d.variable} would never be set.`,
    hint: () => 'Fix the syntax error first: the step is graded as the code would run.',
  },
  VALUE_UNREADABLE: {
    message: (d) => `The value of ${d.variable} cannot be read without running the code.`,
    hint: () =>
      'Write the value as a literal (a string, or json.dumps / JSON.stringify of a literal), ' +
      'so that it can be checked without running anything.',
  },
  VALUE_UNDEFINED_NAME: {
    message: (d) => `${d.variable} is set to the name ${d.name}, which is not a defined variable.`,
    hint: (d) => `If you meant the text ${d.name}, put it in quotes: ${quoted(d.name)}.`,
  },
  VALUE_NOT_STRING: {
    message: (d) =>
      d.kind === 'bytes'
        ? `${d.variable} is a bytes literal, not a str; the step expects a string.`
        : `${d.variable} is ${kindPhrase(d.kind)}; the step expects a string.`,
    hint: (d) =>
      d.kind === 'bytes'
        ? 'Remove the b prefix before the opening quote: b"..." is bytes, and "..." is a str.'
        : 'Put the value in quotes so that it is a string.',
  },
  POLICY_NOT_STRING: {
    message: (d) => `${d.variable} is ${withArticle(d.kind)} literal, not a JSON string.`,
    hint: (d) => `The step asks for the policy as JSON text: wrap the literal in ${serializer(d)}.`,
  },
  VERSION_MISMATCH: {
    message: (d) =>
      d.actual === undefined
        ? `The policy has no Version; the step expects ${quoted(d.expected)}.`
        : `The policy's Version is ${quoted(d.actual)}; the step expects ${quoted(d.expected)}.`,
    hint: () =>
      'Without a Version, or with 2008-10-17, IAM reads the policy with the old grammar, ' +
      'in which policy variables do not work.',
  },
  GRANT_MISSING: {
    message: (d) => `The policy does not allow ${d.principal} to perform ${d.action}.`,
    hint: () => 'An Allow statement needs this principal in its Principal and this action in its Action.',
  },
  GRANT_NEVER_MET: {
    message: (d) =>
      `The policy does not allow ${d.principal} to perform ${d.action}: the condition ${d.condition} ` +
      `of ${statementLabel(d)} can never be met, so that statement allows nothing.`,
    hint: () =>
      'Check the condition\'s operator and value: Bool needs true or false, a Numeric or Date operator a ' +
      'number or date, and an upper bound on the age of a sign-in must be above 0.',
  },
  GRANT_DENIED: {
    message: (d) =>
      `The Deny in ${statementLabel(d)} covers ${d.action} by ${d.principal}, and an explicit Deny wins over any Allow.`,
    hint: () => 'Narrow or remove the Deny statement so that it does not cover the grant the step asks for.',
  },
  GRANT_TOO_BROAD: {
    message: (d) => {
      const parts: string[] = [];
      if (Array.isArray(d.principals) && d.principals.length > 0) {
        parts.push(`principals ${list(d.principals)}`);
      }
      if (Array.isArray(d.actions) && d.actions.length > 0) parts.push(`actions ${list(d.actions)}`);
      return `The policy also allows ${parts.join(' and ')}, beyond what the step asks for.`;
    },
    hint: () => 'Grant only the principal and action the step names.',
  },
  GRANT_CONDITIONAL: {
    message: (d) => `The grant in ${statementLabel(d)} applies only when its Condition holds.`,
    hint: () => 'That narrows the grant, which is allowed here, but the step does not ask for a condition.',
  },
  STRING_CASE_MISMATCH: {
    message: (d) => `${d.variable} is ${quoted(d.actual)}, which differs from the expected value in letter case.`,
    hint: () => 'IAM names are case-sensitive in ARNs and in the role name the CLI sends, so match the case exactly.',
  },
  STRING_WHITESPACE: {
    message: (d) => `${d.variable} is ${quoted(d.actual)}, with spaces around the name.`,
    hint: () => 'Remove the spaces inside the quotes: they become part of the name.',
  },
  STRING_UNQUOTED: {
    message: (d) => `${d.variable} is set to the bare name ${d.name}, not to a string.`,
    hint: (d) => `Put the name in quotes: ${quoted(d.name)}. Without quotes it is read as a variable.`,
  },
  STRING_MISMATCH: {
    message: (d) => `${d.variable} is ${quoted(d.actual)}; that is not the value the step asks for.`,
  },
  WRONG_OPERATION: {
    message: (d) =>
      `The command runs ${d.actualService ?? '?'} ${d.actualOperation ?? '?'}; ` +
      `the step asks for ${d.expectedService} ${d.expectedOperation}.`,
  },
  PARAMETER_MISSING: {
    message: (d) => `The command has no ${d.option}.`,
    hint: (d) => `Add ${d.option} with the value the step gives.`,
  },
  PARAMETER_MISMATCH: {
    message: (d) => `${d.option} is ${quoted(d.actual)}; the step asks for a different value.`,
    hint: () => 'Compare the value character by character with the one in the step.',
  },
  PARAMETER_CASE_MISMATCH: {
    message: (d) => `${d.option} is ${quoted(d.actual)}, which differs from the expected value in letter case.`,
    hint: () => 'Names and ARNs in AWS are case-sensitive: match the case exactly.',
  },
  CROSS_STEP_MISMATCH: {
    message: (d) =>
      `The role name in ${d.option} is ${quoted(d.actual)}, but ${d.variable} is ${quoted(d.expected)}.`,
    hint: (d) => `The ARN names the role created from ${d.variable}, so the two must agree.`,
  },
  LIMIT_EXCEEDED: {
    message: (d) =>
      `${d.option} is ${d.actual}, above the role's maximum session duration of ${d.max} seconds.`,
    hint: (d) =>
      d.fromStep
        ? `AWS rejects it; raise --max-session-duration in the ${d.fromStep} command, or ask for less.`
        : 'AWS rejects a longer session than the role allows; ask for less, or raise the role\'s MaxSessionDuration.',
  },
  FILE_INLINE_DOCUMENT: {
    message: (d) => `${d.option} is given inline; the step asks for it to be read from ${d.file}.`,
    hint: (d) => `Refer to the file with file://${d.file}, which the CLI reads and sends as the document.`,
  },
  FILE_PREFIX_MISSING: {
    message: (d) => `${d.option} is the text ${quoted(d.actual)}, not the contents of that file.`,
    hint: (d) =>
      `Without file:// the CLI sends the file name itself as the policy, and IAM rejects it as invalid JSON. ` +
      `Write file://${d.file}.`,
  },
  FILE_BINARY_SCHEME: {
    message: (d) => `${d.option} is read with fileb://, which sends the file as raw bytes.`,
    hint: (d) => `A policy document is text: use file://${d.file}.`,
  },
  FILE_NOT_EXPECTED: {
    message: (d) => `${d.option} reads ${quoted(d.actual)}; the step saves the policy in ${d.file}.`,
    hint: (d) => `Read the file the step names: file://${d.file}.`,
  },
  REFERENCED_FILE_INVALID: {
    message: (d) => `${d.file} is not a valid policy, so AWS would reject this command.`,
    hint: (d) => `Fix the ${d.step} step first: this command sends that file's contents.`,
  },
};

export interface FindingInput extends Partial<Span> {
  code: string;
  severity: Severity;
  data?: Data;
  path?: string;
  rejectedBy?: Finding['rejectedBy'];
}

/** Renders an engine finding; `hints` (a lab step's) replace the default hint for their codes. */
export function engineFinding(input: FindingInput, hints?: Readonly<Record<string, string>>): Finding {
  const { code, severity, data = {}, ...location } = input;
  const entry = ENGINE_MESSAGES[code];
  const finding: Finding = { code, severity, message: entry ? entry.message(data) : code };
  const hint = hints?.[code] ?? entry?.hint?.(data);
  if (hint) finding.hint = hint;
  return { ...finding, ...location, data };
}
