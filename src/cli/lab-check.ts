#!/usr/bin/env node
/**
 * The `lab-check` command: one subcommand per job, each in its own module
 * under src/cli/. Exit codes are shared: 0 when everything checked is valid
 * or passes, 1 when anything is not, 2 for usage or read errors.
 */
import { once } from 'node:events';
import { runSubcommand, USAGE } from './subcommands.ts';

// A closed pipe (`lab-check grade … | head`) ends the output, not the process with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

const code = await runSubcommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  cwd: process.cwd(),
  drain: async () => {
    if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
  },
});
if (code === undefined) {
  process.stderr.write(USAGE);
  process.exitCode = 2;
} else {
  process.exitCode = code;
}
