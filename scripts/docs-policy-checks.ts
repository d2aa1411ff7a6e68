// Rewrites the table of policy checks in README.md from the check modules.
// Run it under the docs lock, as other sections of README.md change at the same time:
//   flock /tmp/docs.lock npm run docs:checks
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceChecksTable, TABLE_END, TABLE_START } from '../src/core/policy/checks-table.ts';

const README = 'README.md';
const current = readFileSync(README, 'utf8');
const updated = replaceChecksTable(current);
if (updated === undefined) {
  console.error(`${README}: markers ${TABLE_START} and ${TABLE_END} not found.`);
  process.exit(1);
}
if (updated === current) {
  console.log(`${README}: policy checks table already up to date.`);
} else {
  writeFileSync(README, updated);
  console.log(`${README}: policy checks table updated.`);
}
