// Placeholder replaced by the esbuild build of the extension and the CLI.
