/** Token and result types of the POSIX shell lexer (see lexer.ts for the rules it follows). */

/** A `$name`, `${name...}`, `$( )`, backtick or `$(( ))` expansion inside a word or a here-document. */
export interface ShellExpansion {
  kind: 'variable' | 'command' | 'arithmetic';
  /** Variable name (`HOME`, `1`, `?`) for `variable`; empty for the other kinds. */
  name: string;
  /** Text after the name inside `${...}`, such as `:-default`, or empty. */
  modifier: string;
  braced: boolean;
  /** Written inside double quotes, so a shell would not split its value into several words. */
  quoted: boolean;
  /** Source offsets of the whole expansion, `$` included. */
  start: number;
  end: number;
  /** Index range of the expansion's text in the word's `value` (-1 in a here-document). */
  valueStart: number;
  valueEnd: number;
  /** False when the closing `)`, `}` or backtick is missing. */
  closed: boolean;
}

export interface ShellWord {
  kind: 'word';
  start: number;
  end: number;
  /** Source text of the word, quotes included. */
  raw: string;
  /**
   * The word after quote removal, with escapes resolved and continuations dropped. Expansions
   * are kept as their source text; `expandWord` substitutes variables.
   */
  value: string;
  /** `offsets[i]` is the source offset of `value[i]`; `offsets[value.length]` is `end`. */
  offsets: Int32Array;
  /** Any part of the word was quoted or escaped. */
  quoted: boolean;
  expansions: ShellExpansion[];
  /** Set for `NAME=value` words: the name and the index in `value` where the value starts. */
  assignment?: { name: string; valueIndex: number };
}

export type ShellOperatorText =
  | '|' | '||' | '&' | '&&' | ';' | ';;' | '(' | ')' | '\n'
  | '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '<<' | '<<-' | '<<<' | '&>' | '&>>' | '|&';

export interface ShellOperator {
  kind: 'operator';
  op: ShellOperatorText;
  start: number;
  end: number;
  /** The file descriptor digits written before a redirection, as in `2>`. */
  ioNumber?: string;
}

export interface ShellComment {
  kind: 'comment';
  start: number;
  end: number;
  text: string;
}

export interface ShellHeredoc {
  kind: 'heredoc';
  /** The delimiter after quote removal. */
  delimiter: string;
  /** The delimiter was quoted, so a shell expands nothing in the body. */
  quoted: boolean;
  /** `<<-`: a shell strips leading tabs from each body line. */
  stripTabs: boolean;
  /** The body as written, without the delimiter line; `body[i]` is at source offset `bodyStart + i`. */
  body: string;
  bodyStart: number;
  /** From the body start to the end of the delimiter line. */
  start: number;
  end: number;
  expansions: ShellExpansion[];
  closed: boolean;
}

export type ShellToken = ShellWord | ShellOperator | ShellComment | ShellHeredoc;

export type ShellIssueCode =
  | 'unclosed-single-quote'
  | 'unclosed-double-quote'
  | 'unclosed-expansion'
  | 'unclosed-heredoc'
  | 'nul-byte'
  | 'curly-quote'
  | 'caret-continuation'
  | 'backtick-continuation'
  | 'space-after-backslash';

/**
 * Something in the text that a shell would read differently from what the author most likely
 * meant, or could not read at all.
 */
export interface ShellIssue {
  code: ShellIssueCode;
  start: number;
  end: number;
  /** The character concerned, for curly quotes and continuations. */
  text?: string;
  /**
   * True when the lexer read the text as the author evidently meant (a line continuation) and not
   * as a POSIX shell would, which would end the command there.
   */
  assumed?: boolean;
}

export interface ShellLexResult {
  /** Words, operators, comments and here-documents in source order. */
  tokens: ShellToken[];
  issues: ShellIssue[];
}
