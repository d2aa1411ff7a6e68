/** Set by scripts/build.mjs with esbuild's `define`; absent when the sources run under tsx. */
declare const LAB_CHECK_VERSION: string;
/** True in `--debug` builds, where debug logging is kept. */
declare const LAB_CHECK_DEBUG: boolean;
/** True in the e2e builds (`--e2e`), which compile in the worker's test hooks. */
declare const LAB_CHECK_E2E: boolean;
