/** The part of web-ext's Node API that scripts/firefox-lint.ts calls; web-ext ships no types. */
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(
        options: { sourceDir: string; output: 'json' | 'text' | 'none'; selfHosted: boolean; boring: boolean },
        runOptions: { shouldExitProgram: boolean },
      ): Promise<unknown>;
    };
  };
  export default webExt;
}
