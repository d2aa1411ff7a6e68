/** The public types of the command validator. */
import type { Finding, SeverityOverrides, Span } from '../findings.ts';

/**
 * Returns a referenced file's text, undefined when it does not exist, or
 * null when it exists but is not read (outside the folder a caller allows,
 * not a regular file, or too large), so its content is not checked.
 */
export type FileProvider = (path: string, scheme: 'file' | 'fileb') => string | undefined | null;

/**
 * A shell variable's value: undefined when it is not set, and `{ unreadable: reason }` when a
 * script sets it in a way that needs the script to run (in a loop, from a command's output).
 */
export type VariableValue = string | { unreadable: string } | undefined;

export interface ValidateCommandOptions {
  /**
   * Shell variables the command may use (`$ROLE_NAME`), as a record or a lookup; assignments in
   * the text before the aws command are added.
   */
  variables?: Record<string, string> | ((name: string) => VariableValue);
  /** Reads `file://` and `fileb://` files; without it their content is not checked. */
  files?: FileProvider;
  overrides?: SeverityOverrides;
}

export interface FileReference {
  /** API member name, such as `AssumeRolePolicyDocument`. */
  parameter: string;
  scheme: 'file' | 'fileb';
  /**
   * The path as written after the scheme, with a leading `./` removed. A `~/` or `$HOME/` is
   * removed too when the file was found only in the folder the command runs in (FILE_PATH_HOME).
   */
  path: string;
  found: boolean;
}

export interface CommandValidation {
  /** Neither the CLI nor the service would reject the command. */
  valid: boolean;
  /** CLI service name, such as `sts`, `iam` or `s3api`. */
  service?: string;
  /** API operation name, such as `AssumeRole`. */
  operation?: string;
  /** API member names mapped to typed values: numbers, booleans, lists and structures. */
  parameters: Record<string, unknown>;
  /** Span of each parameter's value in the command text. */
  parameterSpans: Record<string, Span>;
  /**
   * Global options by name without dashes (`region`, `output`, `no-paginate`), and the CLI's own
   * operation options that are not API members (`max-items`, `starting-token`, `outfile`).
   */
  globals: Record<string, unknown>;
  fileReferences: FileReference[];
  /** Positions are relative to the command text, or to the file named by `data.file`. */
  findings: Finding[];
}
