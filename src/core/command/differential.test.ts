/**
 * Differential test against the real AWS CLI. Every command of the corpus is run through
 * /usr/bin/aws (aws-cli 2.9.19 from Debian) pointed at a closed loopback port, so that a command
 * the CLI accepts fails to connect and nothing leaves the machine. Each row states whether the
 * CLI accepts the command and, if not, the code the validator must give. The test checks the
 * validator against each row and, where the CLI is installed, each row against the CLI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AWS_CLI, awsCliInstalled, createCliHome, mapLimited, runAwsCli } from '../../../scripts/aws-cli-oracle.ts';
import { CORPUS, UNDECIDED } from './differential-corpus.ts';
import { validateCommand } from './index.ts';

const FIXTURES = fileURLToPath(new URL('./testdata/', import.meta.url));
const readFixture = (path: string): string | undefined => {
  const full = join(FIXTURES, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
};

test('differential corpus has at least 50 commands', () => {
  assert.ok(CORPUS.length >= 50, `${CORPUS.length} rows`);
});

test('validator agrees with the corpus', () => {
  for (const row of CORPUS) {
    const result = validateCommand(row.command, { files: readFixture });
    const cliErrors = result.findings.filter((f) => f.severity === 'error' && f.rejectedBy === 'cli').map((f) => f.code);
    if (row.cli === 'accept') {
      assert.deepEqual(cliErrors, [], row.command);
      if (row.service) {
        const finding = result.findings.find((f) => f.code === row.service);
        assert.equal(finding?.rejectedBy, 'service', `${row.command}: ${row.service}`);
      } else {
        assert.equal(result.valid, true, `${row.command}: ${result.findings.map((f) => f.code).join(', ')}`);
      }
    } else {
      assert.ok(cliErrors.includes(row.cli), `${row.command}: expected ${row.cli}, got ${cliErrors.join(', ')}`);
    }
  }
});

test('validator warns where it cannot decide', () => {
  for (const row of UNDECIDED) {
    const result = validateCommand(row.command, { files: readFixture });
    assert.equal(result.valid, true, row.command);
    assert.ok(result.findings.some((f) => f.code === row.warning), `${row.command}: ${result.findings.map((f) => f.code).join(', ')}`);
  }
});

const cliMissing = awsCliInstalled() ? false : `${AWS_CLI} is not installed (Debian package awscli), so the CLI side is not run`;

test('corpus agrees with the real AWS CLI', { skip: cliMissing, timeout: 900_000 }, async () => {
  const home = createCliHome();
  // The CLI takes about a second per command; two at a time is what a shared two-core machine allows.
  const outcomes = await mapLimited(CORPUS, 2, (row) => runAwsCli(row.command, FIXTURES, home));
  const disagreements: string[] = [];
  CORPUS.forEach((row, i) => {
    const outcome = outcomes[i];
    if (!outcome) return;
    if (outcome.accepted !== (row.cli === 'accept')) {
      disagreements.push(`${row.command}\n  CLI exit ${outcome.code}: ${outcome.stderr.trim().split('\n').at(-1)}`);
    }
  });
  assert.deepEqual(disagreements, []);
});

test('real AWS CLI rejects the undecided commands', { skip: cliMissing, timeout: 120_000 }, async () => {
  const home = createCliHome();
  const outcomes = await mapLimited(UNDECIDED, 2, (row) => runAwsCli(row.command, FIXTURES, home));
  const accepted = UNDECIDED.filter((_, i) => outcomes[i]?.accepted !== false).map((row) => row.command);
  assert.deepEqual(accepted, []);
});
