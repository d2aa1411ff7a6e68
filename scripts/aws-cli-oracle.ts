/**
 * Runs a command through the real AWS CLI (Debian's /usr/bin/aws) at a closed loopback port, so
 * that a command the CLI accepts fails to connect and nothing leaves the machine. Used by the
 * command validator's differential test and by scripts/bench-command.ts.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const AWS_CLI = '/usr/bin/aws';

export interface CliOutcome {
  /** The CLI sent the request (it failed to connect) or finished without sending one (exit 0). */
  accepted: boolean;
  code: number | null;
  stderr: string;
}

export const awsCliInstalled = (): boolean => existsSync(AWS_CLI);

/** Creates an empty home folder with empty config and credentials files for the CLI. */
export function createCliHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'lab-check-aws-'));
  writeFileSync(join(home, 'config'), '');
  writeFileSync(join(home, 'credentials'), '');
  return home;
}

/** Runs a command that starts with `aws` through bash, in `cwd`, with dummy credentials. */
export function runAwsCli(command: string, cwd: string, home: string): Promise<CliOutcome> {
  const script = command.replace(/^aws\b/, `${AWS_CLI} --endpoint-url http://127.0.0.1:9 --cli-connect-timeout 1`);
  const env = {
    PATH: '/usr/bin:/bin',
    HOME: home,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
  };
  return new Promise((resolve) => {
    execFile('/bin/bash', ['-c', script], { cwd, env, timeout: 30_000 }, (error, _stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      const accepted = code === 0 || /Could not connect to the endpoint URL|Connect timeout/.test(stderr);
      resolve({ accepted, code, stderr });
    });
  });
}

/** Runs `task` over `items` with at most `limit` at a time. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}
