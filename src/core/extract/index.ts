/**
 * Extraction of the values of a learner's top-level variables in
 * Python, JavaScript, TypeScript or POSIX shell code, read without running
 * anything. As running the file would, the last top-level assignment of a
 * name wins. A value that needs the code to run (a call, input, a loop, an
 * undefined name) is reported with a finding that explains why, at its line and
 * column.
 *
 * Parser choice: Python and JavaScript/TypeScript are parsed with Lezer
 * (@lezer/python, @lezer/javascript with its `ts` dialect). Lezer grammars are
 * small (tens of kilobytes, no WebAssembly, so they load in the service
 * worker and the popup), and their LR parsers recover from errors: code that
 * is still being typed yields a full tree with error nodes, so everything
 * around a syntax error can still be read. Tree-sitter needs WebAssembly
 * and a larger runtime; Acorn and Babel parse only JavaScript and stop at the
 * first error. Shell code goes through the POSIX lexer in src/core/shell/,
 * because assignments in a shell are words, not a grammar.
 */
import type { Finding } from '../findings.ts';
import { ExtractionContext } from './context.ts';
import { detectLanguage, isBinary } from './detect.ts';
import { extractJavaScript } from './javascript.ts';
import { extractPython } from './python.ts';
import { extractShell } from './shell.ts';

export { detectLanguage } from './detect.ts';
export { EXTRACT_MESSAGES } from './messages.ts';

export type Language = 'python' | 'javascript' | 'typescript' | 'shell';

export interface SourceValue {
  kind: 'string' | 'bytes' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'reference' | 'unreadable';
  /**
   * A string for 'string', the bytes as Latin-1 characters for Python's 'bytes', and the undefined name for 'reference'. For
   * number, boolean, null, object and array, the plain JavaScript value.
   * JavaScript `undefined` is kind 'null' with value undefined.
   */
  value?: unknown;
  serializedBy?: 'json.dumps' | 'JSON.stringify';
  /** Quote and prefix of a single string literal: `'`, `"""`, `f'`, `rb"`, `` ` ``, `$'`. */
  quote?: string;
  /** 0-based source offsets of the value expression. */
  start: number;
  end: number;
  /**
   * For strings: `offsets[i]` is the source offset of value character i, and
   * `offsets[value.length]` is the end offset. A character from an escape
   * maps to the escape's start. Characters that json.dumps or JSON.stringify
   * produce map to the literal that produced them. Characters copied from
   * another variable keep the offsets of the literal they were written in.
   */
  offsets?: Int32Array;
}

export interface Assignment {
  name: string;
  value: SourceValue;
  /** From the assigned name to the end of the value. */
  start: number;
  end: number;
  /** 1-based position of the assigned name. */
  line: number;
  column: number;
}

export interface Extraction {
  language: Language;
  /** The top-level variables in the order of their last assignment. */
  assignments: Map<string, Assignment>;
  /** Findings about the code; those about one variable carry its name as `data.variable`. */
  findings: Finding[];
}

/** Maximum characters of code read; the rest is left out, with a finding. */
export const MAX_SOURCE_LENGTH = 1 << 20;

const EXTRACTORS: Record<Language, (ctx: ExtractionContext) => void> = {
  python: extractPython,
  javascript: (ctx) => extractJavaScript(ctx, false),
  typescript: (ctx) => extractJavaScript(ctx, true),
  shell: extractShell,
};

/**
 * Extracts the top-level assignments of `code`. It never runs the code and
 * never throws: unreadable parts, hostile input and limits become findings.
 */
export function extractAssignments(code: string, language?: Language): Extraction {
  // An own-key check, because an untyped caller may pass any string, `constructor` included.
  const chosen = language !== undefined && Object.hasOwn(EXTRACTORS, language) ? language : detectLanguage(code);
  const truncated = code.length > MAX_SOURCE_LENGTH;
  let text = truncated ? code.slice(0, MAX_SOURCE_LENGTH) : code;
  // A byte order mark that an editor saved is read as a space, which keeps every offset in place.
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;
  const ctx = new ExtractionContext(text, chosen);
  if (truncated) {
    ctx.report('LIMIT_EXCEEDED', MAX_SOURCE_LENGTH, MAX_SOURCE_LENGTH, {
      limit: 'source-length',
      maximum: MAX_SOURCE_LENGTH,
    });
  }
  if (isBinary(ctx.code)) {
    ctx.report('BINARY_INPUT', 0, 0);
    return ctx.finish();
  }

  try {
    EXTRACTORS[chosen](ctx);
  } catch (error) {
    // A fault in the extractor must not take down the popup or the CLI run.
    ctx.assignments.clear();
    ctx.report('EXTRACTION_FAILED', 0, 0, { error: error instanceof Error ? error.message : String(error) });
  }
  return ctx.finish();
}
