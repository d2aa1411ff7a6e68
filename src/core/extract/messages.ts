/**
 * Codes, default severities, messages and hints of the findings of value
 * extraction. Messages and hints are rendered from a finding's code and data
 * here only, so that every surface says the same thing.
 */
import type { Severity } from '../findings.ts';
import type { NotStaticReason } from './values.ts';

type Data = Record<string, unknown>;

interface MessageEntry {
  severity: Severity;
  message: (data: Data) => string;
  hint: (data: Data) => string;
}

const LANGUAGE_NAMES: Record<string, string> = {
  python: 'Python',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  shell: 'The shell',
};

const languageName = (data: Data): string => LANGUAGE_NAMES[String(data.language)] ?? 'The language';
const subject = (data: Data): string =>
  typeof data.variable === 'string' ? `The value of ${data.variable}` : 'This value';
const literalAdvice = (data: Data): string =>
  data.language === 'python'
    ? 'a string, or json.dumps(...) of a dict literal'
    : data.language === 'shell'
      ? 'a quoted string'
      : 'a string, or JSON.stringify(...) of an object literal';

const REASON_PHRASES: Record<NotStaticReason, (data: Data) => string> = {
  call: (d) => `it calls ${typeof d.callee === 'string' ? d.callee : 'a function'}`,
  input: () => 'it reads input while the program runs',
  file: () => 'it reads a file',
  environment: () => 'it reads an environment variable',
  operator: (d) => `it uses the operator ${String(d.operator)}`,
  member: () => 'it reads an attribute, item or method of another value',
  conditional: () => 'it is assigned inside a conditional statement, so its value depends on which branch runs',
  loop: () => 'it is assigned inside a loop',
  exception: () => 'it is assigned inside a try statement, so its value depends on whether an exception occurs',
  function: () => 'it is a function',
  class: () => 'it is a class',
  import: () => 'it is a module or a name imported from one',
  comprehension: () => 'it is built by a comprehension',
  unpacking: () => 'it is assigned by unpacking or destructuring another value',
  mutated: () => 'the code changes it after assigning it',
  'format-spec': () => 'it formats a value with a format specification',
  'unicode-name': (d) => `it uses the escape \\N{${String(d.name)}}, a character name that is not known here`,
  'json-option': (d) => `it passes ${String(d.option)} to ${String(d.callee)}`,
  expression: (d) => `it uses the expression ${String(d.text)}`,
  'command-substitution': () => 'it runs a command, with $(...) or backticks',
  arithmetic: () => 'it uses arithmetic expansion, $((...))',
  'parameter-expansion': (d) => `it uses the parameter expansion ${String(d.text)}`,
  array: () => 'it is a shell array, and only string values are read',
  'type-alias': () => 'it is a type alias, which the type statement binds',
  with: () => 'it is bound by the as clause of a with statement, to whatever the context manager returns',
  'nested-assignment': () =>
    'it is assigned inside another expression, which may run the assignment once, many times or not at all',
  'global-object': (d) =>
    d.language === 'python'
      ? 'the code may set it again through the module namespace, with exec() or globals()'
      : 'the code sets it again as a property of the global object (globalThis or window)',
  depends: (d) => `it uses ${String(d.name)}, which cannot be read without running the code either`,
};

const NOT_STATIC_HINTS: Record<string, (data: Data) => string> = {
  conditional: () => 'Assign the variable once at the top level, outside any if statement.',
  loop: () => 'Assign the variable once at the top level, outside any loop.',
  exception: () => 'Assign the variable once at the top level, outside the try statement.',
  mutated: () => 'Write the complete value in the assignment itself instead of changing it afterwards.',
  input: () => 'Write the value itself into the code instead of reading it while the program runs.',
  file: () => 'Write the value itself into the code instead of reading it from a file.',
  environment: () => 'Write the value itself into the code instead of reading it from the environment.',
};

const RUNTIME_DETAILS: Record<string, (data: Data) => string> = {
  bytes: () => 'json.dumps cannot serialize bytes',
  key: () => 'json.dumps cannot serialize one of the dict keys',
  'sort-keys': () => 'sort_keys cannot compare keys of different types',
  'out-of-range-float': () => 'allow_nan=False rejects NaN and Infinity',
  concatenate: (d) => `${String(d.left)} and ${String(d.right)} cannot be added together`,
  'mixed-bytes': () => 'bytes and str literals cannot be joined',
  unpack: (d) => `${String(d.names)} names cannot be unpacked from ${String(d.values)} values`,
  const: () => 'the variable is declared const, so it cannot be assigned again',
  bigint: () => 'JSON.stringify cannot serialize a BigInt',
  'bad-escape': (d) => `the escape ${String(d.text)} is invalid`,
  'json-arguments': (d) => `${String(d.callee)} does not accept these arguments`,
  redeclared: () => 'the name is already declared with let or const in this scope',
  unhashable: (d) => `a ${String(d.type)} cannot be a dict key`,
  'not-iterable': (d) => `a value of type ${String(d.type)} cannot be spread into an array`,
};

const LIMIT_MESSAGES: Record<string, (data: Data) => string> = {
  'source-length': (d) =>
    `The code is longer than ${String(d.maximum)} characters, so only the first ${String(d.maximum)} were read.`,
  'parse-steps': () => 'The code is too complex to parse completely, so only the part before this point was read.',
  'parse-time': () => 'The code took too long to parse, so only the part before this point was read.',
  'parse-nesting': (d) =>
    `The code nests brackets more than ${String(d.maximum)} levels deep here, so only the part before this point was read.`,
  nesting: (d) => `${subject(d)} is nested more than ${String(d.maximum)} levels deep, so it was not read.`,
  'string-length': (d) => `${subject(d)} is longer than ${String(d.maximum)} characters, so it was not read.`,
  'value-size': (d) => `${subject(d)} has more than ${String(d.maximum)} parts, so it was not read.`,
  work: () => 'The code builds more data than the checker reads, so the values from here on were not read.',
  findings: (d) => `The code has more than ${String(d.maximum)} findings; the rest are not shown.`,
};

export const EXTRACT_MESSAGES: Record<string, MessageEntry> = {
  SYNTAX_ERROR: {
    severity: 'error',
    message: (d) => {
      if (typeof d.issue === 'string') return shellIssueMessage(d);
      const detail = RUNTIME_DETAILS[String(d.detail)];
      if (detail) return `${languageName(d)} cannot parse the code here: ${detail(d)}.`;
      return d.text
        ? `${languageName(d)} cannot parse the code at ${JSON.stringify(d.text)}.`
        : `${languageName(d)} expects more code here: a statement, string or bracket is not complete.`;
    },
    hint: (d) =>
      `Check for a missing or extra quote, bracket, comma or colon just before this point. ` +
      `${languageName(d)} would not run a file with a syntax error, and values near it may not be read.`,
  },
  NOT_STATIC: {
    severity: 'error',
    message: (d) => {
      const reason = REASON_PHRASES[d.reason as NotStaticReason]?.(d) ?? 'it needs the code to run';
      return `${subject(d)} cannot be read without running the code: ${reason}.`;
    },
    hint: (d) =>
      NOT_STATIC_HINTS[String(d.reason)]?.(d) ??
      `Write the value as a literal (${literalAdvice(d)}) so that it can be checked without running anything.`,
  },
  UNDEFINED_NAME: {
    severity: 'error',
    message: (d) => `${subject(d)} uses the name ${String(d.name)}, which is not assigned before this point.`,
    hint: (d) =>
      d.language === 'shell'
        ? `A shell expands $${String(d.name)} to an empty string unless the environment sets it. ` +
          'Assign it above this line.'
        : `Running the file would stop with ${d.language === 'python' ? 'NameError' : 'ReferenceError'}. ` +
          'Assign the name above this line, or put the text in quotes if you meant it literally.',
  },
  RUNTIME_ERROR: {
    severity: 'error',
    message: (d) => {
      const detail = RUNTIME_DETAILS[String(d.detail)]?.(d) ?? 'the operation is invalid';
      return `Running this code would raise ${String(d.error)}: ${detail}.`;
    },
    hint: () => 'Change the expression so that it would run without an error.',
  },
  REASSIGNED: {
    severity: 'suggestion',
    message: (d) =>
      `${String(d.variable)} is assigned ${String(d.count)} times; ` +
      `the last assignment, on line ${String(d.lastLine)}, is the one that counts.`,
    hint: () => 'Remove the earlier assignments unless you meant to replace the value.',
  },
  MISSING_IMPORT: {
    severity: 'warning',
    message: (d) => `${String(d.name)} is used, but the ${String(d.module)} module is not imported before it.`,
    hint: (d) => `Running the file would stop with NameError. Add import ${String(d.module)} at the top of the file.`,
  },
  CURLY_QUOTE: {
    severity: 'warning',
    message: (d) =>
      `The code contains the typographic quote ${String(d.text)}, which the shell reads as an ordinary character.`,
    hint: () =>
      'Replace it with a straight quote, \' or ". Word processors and some web pages turn quotes into curly ones.',
  },
  BINARY_INPUT: {
    severity: 'error',
    message: () => 'The file contains binary data, not source code, so no value was read.',
    hint: () => 'Submit the code as plain text, such as a .py, .js, .ts or .sh file.',
  },
  LIMIT_EXCEEDED: {
    severity: 'error',
    message: (d) => LIMIT_MESSAGES[String(d.limit)]?.(d) ?? 'The code exceeds a limit of the checker.',
    hint: () => 'Lab answers are short: keep the values to what the step asks for.',
  },
  EXTRACTION_FAILED: {
    severity: 'error',
    message: () => 'The checker failed while reading the code, so no value was read.',
    hint: () => 'This is a fault in Lab Check, not in the code. Please report it with the code that caused it.',
  },
};

const SHELL_ISSUES: Record<string, string> = {
  'unclosed-single-quote': 'A single quote is not closed',
  'unclosed-double-quote': 'A double quote is not closed',
  'unclosed-expansion': 'A $(...), ${...} or backtick expansion is not closed',
  'unclosed-heredoc': 'A here-document has no closing delimiter line',
  'nul-byte': 'The text contains a NUL byte',
};

function shellIssueMessage(data: Data): string {
  const text = SHELL_ISSUES[String(data.issue)] ?? 'The shell cannot read this part of the code';
  return `${text}, so the shell would not read the code as written.`;
}
