import type { CliIo } from './io.ts';
import { GRADER } from '../core/version.ts';

export type Subcommand = (args: string[], io: CliIo) => Promise<number>;

export const USAGE = `Usage: lab-check <command> [options]

Commands:
  policy FILE... [--type trust|identity] [--format json|text]
                 validate IAM policy documents ("-" reads standard input)
  command "aws ..." [--format json|text]
                 validate AWS CLI commands ("-" reads one per line from standard input)
  grade PATH... [--lab ID] [--format json|text|csv|junit|gradescope]
                 grade lab submissions (files, folders, CSV files, ZIP archives)
  verify EXPORT... [--format json|text]
                 check submission exports: does each claim match the regrade

Options: --help, --version (the grader's version, as reports name it).

Exit status: 0 when all are valid, 1 when any is not, 2 for usage or read errors.
`;

/** Subcommand modules, loaded on demand so that one job does not pay for the others. */
const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  // Each module exports `run(args, io)`; add one line per subcommand.
  command: async () => (await import('./command.ts')).run,
  grade: async () => (await import('./grade.ts')).run,
  policy: async () => (await import('./policy.ts')).run,
  verify: async () => (await import('./verify.ts')).run,
};

/** Runs the subcommand named by `argv[0]`; returns undefined when there is none. */
export async function runSubcommand(argv: string[], io: CliIo): Promise<number | undefined> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${GRADER}\n`);
    return 0;
  }
  const load = name ? SUBCOMMANDS[name] : undefined;
  if (!load) {
    if (name) io.stderr(`lab-check: unknown command "${name}".\n`);
    return undefined;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const subcommand = await load();
  return subcommand(rest, io);
}
