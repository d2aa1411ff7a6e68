/**
 * The extension's logger. Release builds print only unexpected errors, each
 * distinct one once per context, with the extension version and the part
 * that failed; `--debug` builds also print debug lines. Callers pass ids,
 * counts and error objects, never learner code, answers or page text.
 */
const VERSION = typeof LAB_CHECK_VERSION === 'string' ? LAB_CHECK_VERSION : 'dev';
const DEBUG = typeof LAB_CHECK_DEBUG === 'boolean' ? LAB_CHECK_DEBUG : false;

/** Error keys already printed, so that a repeating failure is printed once. */
const printed = new Set<string>();
const MAX_PRINTED_KEYS = 100;

export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  /** Logs an error that the code did not expect; repeats of the same message and error are dropped. */
  error(message: string, error?: unknown): void;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export function createLogger(part: string): Logger {
  const prefix = `[Lab Check ${VERSION}] ${part}:`;
  return {
    debug(message, ...details) {
      if (DEBUG) console.debug(prefix, message, ...details);
    },
    error(message, error) {
      const key = `${part}\n${message}\n${describe(error)}`;
      if (printed.has(key)) return;

      if (printed.size < MAX_PRINTED_KEYS) printed.add(key);
      console.error(prefix, message, ...(error === undefined ? [] : [error]));
    },
  };
}
