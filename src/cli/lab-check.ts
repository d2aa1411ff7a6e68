#!/usr/bin/env node
/**
 * The `lab-check` command: one subcommand per job, each in its own module
 * under src/cli/. Exit codes are shared: 0 when everything checked is valid
 * or passes, 1 when anything is not, 2 for usage or read errors.
 */
import { runSubcommand, USAGE } from './subcommands.ts';

const code = await runSubcommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  cwd: process.cwd(),
});
if (code === undefined) {
  process.stderr.write(USAGE);
  process.exitCode = 2;
} else {
  process.exitCode = code;
}
