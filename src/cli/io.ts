/** What a subcommand may use of the process, so that tests can run it in memory. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  cwd: string;
  /** Resolves once standard output has room again, so that long outputs stream with flat memory. */
  drain?(): Promise<void>;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
