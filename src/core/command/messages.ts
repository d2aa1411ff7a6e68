/**
 * The message table of the command validator: every finding code with its default severity, the
 * side that rejects it, a one-line description, and the message and hint rendered from the
 * finding's data, so that the popup, the CLI and reports show the same text.
 */
import type { Finding, RejectedBy, Severity, Span } from '../findings.ts';
import { MAX_EXPANDED_LENGTH } from '../shell/expand.ts';

type Data = Record<string, unknown>;
interface Rendered {
  message: string;
  hint?: string;
}

/**
 * The change that a finding on a command the CLI accepts makes to what running the text sends.
 * `none`: no request is sent. `more`: another aws command runs too. `unknown`: a command that is
 * not checked decides whether, or with what, the aws command runs.
 */
export type RequestEffect = 'none' | 'more' | 'unknown';

export interface CommandCode {
  severity: Severity;
  rejectedBy?: RejectedBy;
  description: string;
  render: (data: Data) => Rendered;
  /** Set when running the text would not send the parsed request, or not that one alone. */
  request?: RequestEffect;
}

/** Spaces and invisible characters that would look like an ordinary space, or like nothing, in a message. */
const UNSEEN = /[\u00a0\u00ad\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/g;

/**
 * Quotes a learner's value for display, shortened so that a huge value cannot flood the output.
 * No-break spaces and invisible characters are shown as `\u` escapes, so that they can be seen.
 */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const quoted = JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
  return quoted.replace(UNSEEN, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const str = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));
const list = (value: unknown): string => (Array.isArray(value) ? value.map(str).join(', ') : str(value));
const suggestion = (data: Data): string => {
  const options = Array.isArray(data.suggestions) ? data.suggestions : [];
  return options.length ? ` Did you mean ${options.map(quote).join(' or ')}?` : '';
};
const option = (data: Data): string => str(data.option);
const runsBefore = (data: Data): string =>
  data.operator === 'line break' ? 'on a line before the aws command' : `before the aws command, joined to it by ${quote(data.operator)}`;
/**
 * Names a character from `describeCharacter` data: `the character — (U+2014 EM DASH)`, and
 * `the character U+00A0 NO-BREAK SPACE` for spaces and invisible characters, which cannot be seen.
 */
const character = (data: Data): string => {
  const label = `${str(data.codePoint)} ${str(data.name)}`.trim();
  return data.kind === 'space' || data.kind === 'invisible' ? `the character ${label}` : `the character ${str(data.character)} (${label})`;
};

const cli = (description: string, render: CommandCode['render']): CommandCode => ({
  severity: 'error', rejectedBy: 'cli', description, render,
});
const service = (description: string, render: CommandCode['render']): CommandCode => ({
  severity: 'error', rejectedBy: 'service', description, render,
});
const warning = (description: string, render: CommandCode['render']): CommandCode => ({
  severity: 'warning', description, render,
});

/** Phrases for the reasons a script variable cannot be read without running the script. */
const UNREADABLE_REASONS: Record<string, string> = {
  conditional: 'inside an if or a case, or after && or ||',
  loop: 'inside a loop',
  input: 'from input or the script\'s arguments',
  'command-substitution': 'from the output of a command, $(...) or backticks',
  arithmetic: 'by arithmetic expansion, $((...))',
  'parameter-expansion': 'with a ${...} modifier',
  array: 'as an array',
  depends: 'from another variable whose value is not known either',
  UNDEFINED_NAME: 'from a variable that is not defined',
};

/** Returns the phrase for why a script variable cannot be read, from `ShellScript.variable`. */
function unreadableReason(reason: string): string {
  return UNREADABLE_REASONS[reason] ?? 'in a way that needs the script to run';
}

/** Returns the hint for a lookalike character of one kind in an option name. */
function lookalikeHint(kind: string): string {
  if (kind === 'space') return 'Retype it as an ordinary space: copying from web pages, word processors and chat apps brings in no-break spaces.';
  if (kind === 'fullwidth') return 'Type the option in ASCII: turn off the full-width mode of the keyboard\'s input method.';
  if (kind === 'dash') return 'Type an ASCII hyphen (-) there: word processors and chat apps replace hyphens with dashes as you type.';
  return 'Retype the option name: copying from web pages and chat apps brings in invisible characters.';
}

export const COMMAND_CODES = {
  SHELL_UNCLOSED_QUOTE: cli('A quote is never closed.', (d) => ({
    message: `The ${str(d.quote)} quote opened here is never closed.`,
    hint: 'Close the quote: the shell waits for more input (a "> " prompt) instead of running the command.',
  })),
  SHELL_UNCLOSED_EXPANSION: cli('A $( ), ${ } or backtick is never closed.', (d) => ({
    message: `The ${quote(d.text)} opened here is never closed.`,
    hint: 'Close it, or put the text in single quotes so that the shell does not expand it.',
  })),
  SHELL_NUL_BYTE: cli('The text contains a NUL character.', () => ({
    message: 'The command contains a NUL character, which no shell argument can hold.',
    hint: 'Retype the command: the NUL character usually comes from copying out of a binary or UTF-16 file.',
  })),
  SHELL_CURLY_QUOTE: warning('A typographic quote stands where a straight quote was meant.', (d) => ({
    message: d.codePoint
      ? `The typographic quote ${str(d.quote)} (${str(d.codePoint)} ${str(d.name)}) is not a shell quote, so it becomes part of the value.`
      : `The typographic quote ${str(d.quote)} is not a shell quote, so it becomes part of the value.`,
    hint: 'Use straight quotes (\' or "). Word processors and chat apps change them as you type; paste from a code editor.',
  })),
  SHELL_LOOKALIKE_CHARACTER: warning('A value contains a no-break space or an invisible character.', (d) => ({
    message: d.kind === 'space'
      ? `The value ${quote(d.value)} contains ${character(d)}, which the shell does not split words at, so it stays part of the value.`
      : `The value ${quote(d.value)} contains ${character(d)}, which cannot be seen and which the AWS CLI sends as part of the value.`,
    hint: d.kind === 'space'
      ? 'Retype it as an ordinary space: copying from web pages, word processors and chat apps brings in no-break spaces.'
      : 'Delete it by retyping the value: copying from web pages and chat apps brings in invisible characters.',
  })),
  SHELL_CARET_CONTINUATION: cli('A Windows cmd.exe ^ continues the line.', () => ({
    message: 'The ^ at the end of this line continues a command in Windows cmd.exe, but not in a POSIX shell.',
    hint: 'In bash or zsh, end the line with a backslash (\\) to continue the command on the next line.',
  })),
  SHELL_BACKTICK_CONTINUATION: cli('A PowerShell backtick continues the line.', () => ({
    message: 'The backtick at the end of this line continues a command in PowerShell, but not in a POSIX shell.',
    hint: 'In bash or zsh, end the line with a backslash (\\) to continue the command on the next line.',
  })),
  SHELL_SPACE_AFTER_BACKSLASH: cli('A space follows the backslash that should continue the line.', () => ({
    message: 'A space follows this backslash, so it escapes the space and the command ends at the line break.',
    hint: 'Delete the spaces after the backslash: it continues a line only as the last character.',
  })),
  SHELL_OPERATOR: warning('Another command runs after the aws command.', (d) => ({
    message: `The shell operator ${quote(d.operator)} runs another command after the aws command; only the aws command is checked.`,
    hint: 'Give the aws command on its own unless the step asks for more.',
  })),
  SHELL_COMMAND_BEFORE: {
    ...warning('Another command runs before the aws command.', (d) => ({
      message: d.never
        ? `${quote(d.program)} runs ${runsBefore(d)}, so the aws command never runs.`
        : `${quote(d.program)} runs ${runsBefore(d)}. It is not checked, and it decides whether and how the aws command runs.`,
      hint: `Remove ${str(d.program)} and the ${str(d.operator)} after it: a command before the aws command can stop it or change what it sends.`,
    })),
    request: 'unknown',
  },
  SHELL_OTHER_AWS_COMMAND: {
    ...warning('The text runs a second aws command.', () => ({
      message: 'This runs another aws command, which is not checked, so the text sends more than the checked request.',
      hint: 'Give only the one aws command that the step asks for.',
    })),
    request: 'more',
  },
  SHELL_REDIRECTION: warning('The command redirects input or output.', (d) => ({
    message: `The redirection ${quote(d.operator)} is handled by the shell, not by the AWS CLI.`,
    hint: 'Redirections do not change what the command sends to AWS; remove it unless the step asks for it.',
  })),
  SHELL_COMMAND_SUBSTITUTION: {
    ...warning('A value comes from running another command.', () => ({
      message: 'This value is the output of another command, which runs first and is not checked, so the value cannot be checked either.',
      hint: 'Write the value itself to have it checked.',
    })),
    request: 'unknown',
  },
  SHELL_EXPANSION_TOO_LONG: {
    severity: 'error',
    description: 'A variable expands to more text than is checked.',
    render: (d) => ({
      message: `Substituting $${str(d.name)} makes the argument longer than ${MAX_EXPANDED_LENGTH.toLocaleString('en-US')} characters, so it is not checked.`,
      hint: 'Write the value itself instead of building it by repeating a variable.',
    }),
  },
  SHELL_UNKNOWN_VARIABLE: warning('A variable is not defined.', (d) => ({
    message: `The variable ${str(d.name)} is not defined, so its value cannot be checked.`,
    hint: `Define ${str(d.name)} before this command (${str(d.name)}=value), or write the value itself.`,
  })),
  SHELL_VARIABLE_UNREADABLE: warning('A variable is set in a way that needs the script to run.', (d) => ({
    message: `The variable ${str(d.name)} is set ${unreadableReason(str(d.reason))}, so its value cannot be checked.`,
    hint: `Set ${str(d.name)} to a plain value (${str(d.name)}=value) before this command, outside any if or loop, to have it checked.`,
  })),
  SHELL_WORD_SPLIT: warning('An unquoted variable contains spaces.', (d) => ({
    message: `$${str(d.name)} is not in double quotes and its value contains spaces, so the shell splits it into several arguments.`,
    hint: `Write "$${str(d.name)}" in double quotes to pass the value as one argument.`,
  })),
  COMMAND_EMPTY: cli('There is no command.', () => ({
    message: 'There is no command to check.',
    hint: 'Write an AWS CLI command, starting with aws.',
  })),
  COMMAND_NOT_AWS: cli('The command does not run the AWS CLI.', (d) => ({
    message: `The command runs ${quote(d.program)}, not the AWS CLI.`,
    hint: 'Start the command with aws, followed by the service and the operation.',
  })),
  COMMAND_LOOKALIKE: cli('The program name is aws written with lookalike characters.', (d) => ({
    message: `The program name ${quote(d.program)} contains ${character(d)}, so the shell looks for a program of that name instead of aws.`,
    hint: d.kind === 'fullwidth'
      ? 'Type aws in ASCII letters: turn off the full-width mode of the keyboard\'s input method.'
      : 'Retype aws and the space after it: copying from web pages and chat apps brings in characters that look like them.',
  })),
  COMMAND_HELP: {
    ...warning('The command asks for help.', () => ({
      message: 'With help here, the AWS CLI shows a help page and sends no request.',
      hint: 'Remove help, and write the operation with its options: the AWS CLI then sends the request.',
    })),
    request: 'none',
  },
  COMMAND_SKELETON: {
    ...warning('--generate-cli-skeleton prints a template instead of sending the request.', (d) => ({
      message: d.mode === 'output'
        ? '--generate-cli-skeleton output prints a sample response and sends no request.'
        : `--generate-cli-skeleton prints a ${d.mode === 'yaml-input' ? 'YAML' : 'JSON'} template of the parameters and sends no request.`,
      hint: 'Remove --generate-cli-skeleton: the command then sends the request with the options given.',
    })),
    request: 'none',
  },
  COMMAND_VERSION: {
    ...warning('--version prints the version of the AWS CLI instead of running the command.', () => ({
      message: '--version prints the version of the AWS CLI and sends no request.',
      hint: 'Remove --version: the AWS CLI stops at it, whatever follows.',
    })),
    request: 'none',
  },
  SERVICE_MISSING: cli('The service name is missing.', () => ({
    message: 'The command names no service.',
    hint: 'After aws, write the service (such as iam or sts) and then the operation.',
  })),
  SERVICE_UNKNOWN: cli('The service name is not an AWS CLI service.', (d) => ({
    message: `${quote(d.service)} is not a service of the AWS CLI.${suggestion(d)}`,
    hint: 'Service names are lower case, such as iam, sts or s3api.',
  })),
  SERVICE_NOT_MODELLED: warning('The service has no bundled model, so its options are not checked.', (d) => ({
    message: `The options of ${quote(d.service)} commands are not checked here.`,
    hint: 'Only iam, sts and s3api commands are checked in full.',
  })),
  OPERATION_MISSING: cli('The operation name is missing.', (d) => ({
    message: `The command names the service ${quote(d.service)} but no operation.`,
    hint: `Write the operation after ${str(d.service)}, such as ${str(d.example)}.`,
  })),
  OPERATION_UNKNOWN: cli('The operation name is not an operation of the service.', (d) => ({
    message: `${quote(d.operation)} is not an operation of ${str(d.service)}.${suggestion(d)}`,
    hint: 'AWS CLI operation names are lower case with hyphens: AssumeRole is written assume-role.',
  })),
  OPERATION_NOT_MODELLED: warning('The operation is an AWS CLI customization that is not checked.', (d) => ({
    message: `${quote(d.operation)} is a command of the AWS CLI itself, and its options are not checked here.`,
  })),
  OPTION_UNKNOWN: cli('The operation has no such option.', (d) => ({
    message: `${str(d.service)} ${str(d.operation)} has no option ${quote(d.option)}.${suggestion(d)}`,
    hint: 'Option names are the operation\'s parameter names in lower case with hyphens, after two dashes.',
  })),
  ARGUMENT_UNEXPECTED: cli('A value stands where no value is expected.', (d) => ({
    message: `${quote(d.value)} is not the value of any option.`,
    hint: d.after
      ? `If it belongs to ${str(d.after)}, put that whole value in quotes: the shell splits unquoted values at spaces.`
      : 'Every value follows the option it belongs to, such as --role-name MyRole.',
  })),
  OPTION_LOOKALIKE_DASH: cli('An option starts with one hyphen or with a dash instead of two hyphens.', (d) => ({
    message: d.character === '-'
      ? `${quote(d.written)} starts with one hyphen, so the AWS CLI does not read it as the option ${option(d)}.`
      : `${quote(d.written)} starts with ${character(d)}, not with two hyphens, so the AWS CLI does not read it as the option ${option(d)}.`,
    hint: d.character === '-'
      ? `Write ${option(d)} with two ASCII hyphens (--): AWS CLI option names start with two.`
      : `Write ${option(d)} with two ASCII hyphens (--): word processors and chat apps replace two hyphens with a dash as you type.`,
  })),
  OPTION_LOOKALIKE_CHARACTER: cli('An option name contains a lookalike of an ASCII character.', (d) => ({
    message: d.kind === 'space'
      ? `${quote(d.before)} is followed by ${character(d)}, which the shell does not split words at, so the AWS CLI gets ${quote(d.written)} as one argument.`
      : `The option ${quote(d.written)} contains ${character(d)}, so the AWS CLI does not read it as ${option(d)}.`,
    hint: lookalikeHint(str(d.kind)),
  })),
  OPTION_AMBIGUOUS: cli('An abbreviated option matches several options.', (d) => ({
    message: `${quote(d.option)} could be any of ${list(d.matches)}.`,
    hint: 'Write the full option name.',
  })),
  OPTION_ABBREVIATED: {
    severity: 'suggestion',
    description: 'An option is abbreviated.',
    render: (d) => ({
      message: `${quote(d.written)} is short for ${str(d.option)}; the AWS CLI accepts the abbreviation.`,
      hint: `Write ${str(d.option)} in full: an abbreviation breaks when a newer CLI version adds a similar option.`,
    }),
  },
  OPTION_REPEATED: warning('An option is given more than once.', (d) => ({
    message: `${option(d)} is given more than once; the AWS CLI uses only the last value.`,
    hint: 'Give each option once.',
  })),
  OPTION_VALUE_MISSING: cli('An option that takes a value has none.', (d) => ({
    message: `${option(d)} expects a value after it.`,
    hint: 'Write the value after the option, in quotes if it contains spaces or starts with a dash (--option="-value").',
  })),
  OPTION_FLAG_VALUE: cli('A flag option is given a value.', (d) => ({
    message: `${option(d)} takes no value, but it is given ${quote(d.value)}.`,
    hint: `Write ${option(d)} on its own to turn it on, or its --no- form to turn it off.`,
  })),
  OPTION_INVALID_CHOICE: cli('An option value is not one of its choices.', (d) => ({
    message: `${quote(d.value)} is not a valid value for ${option(d)}; it is one of ${list(d.choices)}.${suggestion(d)}`,
  })),
  OPTION_REQUIRED_MISSING: cli('A required option is missing.', (d) => ({
    message: `${str(d.service)} ${str(d.operation)} requires ${option(d)}.`,
    hint: `Add ${option(d)} with its value.`,
  })),
  VALUE_NOT_INTEGER: cli('A value is not an integer.', (d) => ({
    message: `${option(d)} expects a whole number, but it is given ${quote(d.value)}.`,
    hint: 'Write the number with digits only, such as 3600.',
  })),
  VALUE_NOT_NUMBER: cli('A value is not a number.', (d) => ({
    message: `${option(d)} expects a number, but it is given ${quote(d.value)}.`,
  })),
  VALUE_DIGITS_NOT_ASCII: {
    severity: 'suggestion',
    description: 'A number is written with digits that are not ASCII.',
    render: (d) => ({
      message: `${option(d)} is ${quote(d.value)}, written with digits that are not ASCII; the AWS CLI reads it as ${str(d.number)}.`,
      hint: 'Type the number with the ASCII digits 0-9: JSON, shell arithmetic and most other tools do not read other digits.',
    }),
  },
  VALUE_INVALID_JSON: cli('A JSON value does not parse.', (d) => ({
    message: `The value of ${option(d)} is not valid JSON: ${str(d.reason)}.`,
    hint: 'Check quotes, commas and brackets; put the whole JSON in single quotes so that the shell leaves it alone.',
  })),
  VALUE_INVALID_SHORTHAND: cli('A shorthand value does not parse.', (d) => ({
    message: d.kind === 'duplicate-key'
      ? `The value of ${option(d)} gives the key ${quote(d.key)} twice.`
      : `The value of ${option(d)} is not valid shorthand syntax: expected ${quote(d.expected)} but found ${quote(d.actual)}.`,
    hint: 'Shorthand is Key=value pairs separated by commas; separate several list items with spaces, or write JSON.',
  })),
  VALUE_UNKNOWN_KEY: cli('A structure has a member its type does not have.', (d) => ({
    message: `${quote(d.key)} is not a member of ${str(d.path)}; valid members are ${list(d.valid)}.${suggestion(d)}`,
    hint: 'Member names are case-sensitive.',
  })),
  VALUE_INVALID_TYPE: cli('A value has the wrong type.', (d) => ({
    message: `${str(d.path)} must be ${str(d.expected)}, but it is ${str(d.actual)}.`,
    hint: d.actual === 'bytes'
      ? 'fileb:// sends the file as bytes; use file:// for a text parameter such as a policy document.'
      : undefined,
  })),
  VALUE_MISSING_MEMBER: cli('A structure lacks a required member.', (d) => ({
    message: `${str(d.path) || 'The input'} lacks the required member ${quote(d.member)}.`,
  })),
  VALUE_TOO_SHORT: cli('A value is shorter than its minimum length.', (d) => ({
    message: `${str(d.path)} has length ${str(d.length)}, below its minimum of ${str(d.min)}.`,
  })),
  VALUE_TOO_SMALL: cli('A number is below its minimum.', (d) => ({
    message: `${str(d.path)} is ${str(d.value)}, below its minimum of ${str(d.min)}.`,
  })),
  VALUE_INVALID_TIMESTAMP: cli('A value is not a date and time.', (d) => ({
    message: `${str(d.path)} is ${quote(d.value)}, which is not a timestamp.`,
    hint: 'Write an ISO 8601 date and time such as 2025-01-31T12:00:00Z, or seconds since 1970.',
  })),
  FILE_NOT_FOUND: cli('A file:// or fileb:// file does not exist.', (d) => ({
    message: `The file ${quote(d.file)} given to ${option(d)} does not exist.`,
    hint: 'file:// paths are relative to the folder the command runs in; check the name and the folder.',
  })),
  FILE_PATH_HOME: warning('A file:// path starts at the home folder.', (d) => ({
    message: `The AWS CLI reads ${quote(d.written)} from the home folder; it is checked here as ${quote(d.file)}, the same file when the command runs in the home folder.`,
    hint: `Write file://${str(d.file)} to read the file from the folder the command runs in.`,
  })),
  FILE_PATH_UNKNOWN: warning('A file:// path depends on the environment of the AWS CLI.', (d) => ({
    message: `The AWS CLI expands ${str(d.expansion)} in ${quote(d.file)} from its environment, which is not known here, so the file is not checked.`,
    hint: 'Write the path relative to the folder the command runs in, such as file://policy.json.',
  })),
  FILE_NOT_READ: warning('A referenced file could not be read here.', (d) => ({
    message: `The file ${quote(d.file)} is not available here, so its content is not checked.`,
  })),
  BLOB_NOT_A_FILE: cli('A streaming body is not a path to a file.', (d) => ({
    message: `${option(d)} expects the path of a file, and ${quote(d.file)} is not one.`,
    hint: 'Give the path of an existing file (without file://).',
  })),
  BUCKET_NAME_INVALID: cli('A bucket name has characters S3 never allows.', (d) => ({
    message: `${quote(d.value)} is not a valid bucket name.`,
    hint: 'Bucket names contain only lower-case letters, digits, dots and hyphens; an s3:// URL is not a bucket name.',
  })),
  CLI_INPUT_INVALID: cli('--cli-input-json or --cli-input-yaml is not an object.', (d) => ({
    message: `The value of ${option(d)} is not ${d.format === 'yaml' ? 'a YAML' : 'a JSON'} object of parameters.`,
  })),
  CLI_INPUT_YAML_NOT_CHECKED: warning('The YAML of --cli-input-yaml is not checked.', (d) => ({
    message: `The YAML given to ${option(d)} is not parsed here, so its parameters are not checked, nor whether it sets the required ones.`,
    hint: 'To have them checked, give the parameters as options, or as JSON with --cli-input-json, which takes the same parameters.',
  })),
  CLI_INPUT_CONFLICT: cli('Both --cli-input-json and --cli-input-yaml are given.', () => ({
    message: 'Only one --cli-input- option may be given.',
  })),
  PAGINATION_CONFLICT: cli('--no-paginate is combined with pagination options.', (d) => ({
    message: `--no-paginate cannot be combined with ${list(d.options)}.`,
  })),
  VALUE_TOO_LONG: service('A value is longer than its maximum length.', (d) => ({
    message: `${str(d.path)} has length ${str(d.length)}, above its maximum of ${str(d.max)}.`,
    hint: 'The AWS CLI sends it, and AWS rejects the request with a ValidationError.',
  })),
  VALUE_TOO_LARGE: service('A number is above its maximum.', (d) => ({
    message: `${str(d.path)} is ${str(d.value)}, above its maximum of ${str(d.max)}.`,
    hint: 'The AWS CLI sends it, and AWS rejects the request with a ValidationError.',
  })),
  VALUE_PATTERN_MISMATCH: service('A value has characters its pattern does not allow.', (d) => ({
    message: `${str(d.path)} is ${quote(d.value)}, which does not match the pattern ${str(d.pattern)}.`,
    hint: 'The AWS CLI sends it, and AWS rejects the request with a ValidationError.',
  })),
  VALUE_NOT_IN_ENUM: service('A value is not one of the values the service accepts.', (d) => ({
    message: `${str(d.path)} is ${quote(d.value)}; valid values are ${list(d.valid)}.${suggestion(d)}`,
    hint: 'These values are case-sensitive.',
  })),
  VALUE_LOOKS_LIKE_FILE: service('A policy document parameter holds a file name, not a document.', (d) => ({
    message: `${option(d)} is given the text ${quote(d.value)}, which is sent as the policy itself.`,
    hint: `To send the content of the file, write file://${str(d.value)}.`,
  })),
  INTERNAL_ERROR: {
    severity: 'error',
    description: 'The validator failed on this input.',
    render: () => ({ message: 'The command could not be checked because of an internal error.' }),
  },
} satisfies Record<string, CommandCode>;

export type CommandCodeName = keyof typeof COMMAND_CODES;

export interface FindingInput {
  code: CommandCodeName;
  data?: Data;
  span?: Partial<Span>;
  path?: string;
}

/** Returns how a finding code changes what running the text sends, if it does. */
export function requestEffect(code: string): RequestEffect | undefined {
  return Object.hasOwn(COMMAND_CODES, code) ? (COMMAND_CODES[code as CommandCodeName] as CommandCode).request : undefined;
}

/** Creates a finding from its code and data, rendering its message and hint. */
export function commandFinding({ code, data = {}, span, path }: FindingInput): Finding {
  const entry: CommandCode = COMMAND_CODES[code];
  const { message, hint } = entry.render(data);
  return {
    code,
    severity: entry.severity,
    message,
    ...(hint ? { hint } : {}),
    ...(path ? { path } : {}),
    ...(entry.rejectedBy ? { rejectedBy: entry.rejectedBy } : {}),
    ...span,
    data,
  };
}
