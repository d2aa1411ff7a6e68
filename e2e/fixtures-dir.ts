/** Where this run's fixture pages are: the suite's global setup builds them into a folder of its own. */
import { FIXTURES_DIR } from './build-fixtures.mjs';

/** Environment variable naming the folder the global setup built the fixture pages into. */
export const FIXTURES_ENV = 'LAB_CHECK_FIXTURES';

/** Returns the folder of this run's fixture pages: the global setup's, else e2e/.build. */
export const fixturesDir = (): string => process.env[FIXTURES_ENV] ?? FIXTURES_DIR;
