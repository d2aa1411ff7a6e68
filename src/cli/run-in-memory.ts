/** Runs a `lab-check` command line in memory for tests, returning its exit code and output. */
import type { CliIo } from './io.ts';
import { runSubcommand } from './subcommands.ts';

export async function runInMemory(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => '',
    cwd,
  };
  const code = await runSubcommand(args, io);
  return { code, stdout, stderr };
}
