/** Set by scripts/build.mjs with esbuild's `define`; absent when the sources run under tsx. */
declare const LAB_CHECK_VERSION: string;
/** True in `--debug` builds, where debug logging is kept. */
declare const LAB_CHECK_DEBUG: boolean;
