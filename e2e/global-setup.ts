/** Builds the fixture pages and checks that the extension was built before the suite starts. */
import { buildFixtures } from './build-fixtures.mjs';
import { findExtension } from '../src/playwright/browser.ts';

export default async function globalSetup(): Promise<void> {
  findExtension();
  await buildFixtures();
}
