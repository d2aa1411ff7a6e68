/** Language detection of learner code, and the check that rejects binary data. */
import type { Language } from './index.ts';

const EXTENSIONS: Record<string, Language> = {
  py: 'python',
  pyw: 'python',
  ipy: 'python',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescript',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  ksh: 'shell',
};

/** How much of the code the content heuristics read, so that detection stays fast on large input. */
const DETECTION_SAMPLE = 64 * 1024;

/** Content signals and their weights; the language with the highest total wins. */
const SIGNALS: Record<Language, [RegExp, number][]> = {
  python: [
    [/^\s*(import\s+[\w.]+|from\s+[\w.]+\s+import\b)/m, 3],
    [/\bjson\.dumps\s*\(/, 4],
    [/^\s*(def|class)\s+\w+.*:\s*$/m, 3],
    [/\b(True|False|None)\b/, 2],
    [/^\s*#(?!!)/m, 1],
    [/\b[rfbRFB]{1,2}(['"])/, 1],
    [/"""|'''/, 2],
    [/^\s*(if|for|while|with)\b[^\n{]*:\s*$/m, 2],
    [/\bprint\s*\(/, 1],
  ],
  javascript: [
    [/^\s*(export\s+)?(const|let|var)\s+[\w$]+\s*=/m, 4],
    [/\bJSON\.stringify\s*\(/, 4],
    [/;\s*$/m, 1],
    [/\b(true|false|null|undefined)\b/, 1],
    [/`[^`]*\$\{/, 2],
    [/\bconsole\.log\s*\(/, 2],
    [/=>|\brequire\s*\(|\bmodule\.exports\b/, 2],
    [/^\s*\/\//m, 1],
  ],
  typescript: [
    [/^\s*(export\s+)?(const|let|var)\s+[\w$]+\s*:\s*[\w$<>[\]|' ]+=/m, 4],
    [/\bas\s+const\b|\bsatisfies\b/, 3],
    [/^\s*(export\s+)?(interface|type)\s+\w+/m, 3],
  ],
  shell: [
    [/^#!.*\b(ba|da|k|z)?sh\b/, 8],
    [/^\s*(export|readonly|declare|local|typeset)\s+\w+=/m, 4],
    [/^\s*[A-Za-z_]\w*=(?:'|"|\$|[^\s=]|$)/m, 2],
    [/\$\{?[A-Za-z_]\w*/, 2],
    [/^\s*(echo|printf|aws|cat|set|unset)\b/m, 2],
    [/\$\(/, 2],
  ],
};

/**
 * Detects the language of `code`: by the file name's extension when it has a
 * known one, then by a shebang line, then by weighted content signals.
 * Code with no signal at all is taken as Python.
 */
export function detectLanguage(code: string, fileName?: string): Language {
  const extension = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  const byExtension = extension ? EXTENSIONS[extension] : undefined;
  if (byExtension) return byExtension;

  const sample = code.slice(0, DETECTION_SAMPLE);
  const shebang = /^#!.*\b(python\d*|node|deno|bun|tsx|ts-node|(?:ba|da|k|z)?sh)\b/.exec(sample)?.[1];
  if (shebang) return fromShebang(shebang);

  const scores = new Map<Language, number>();
  for (const [language, signals] of Object.entries(SIGNALS) as [Language, [RegExp, number][]][]) {
    scores.set(language, signals.reduce((total, [pattern, weight]) => total + (pattern.test(sample) ? weight : 0), 0));
  }
  // Spaces around `=` make a line a command, not an assignment, in a shell.
  if (/^\s*[A-Za-z_]\w*\s+=\s/m.test(sample)) scores.set('shell', 0);
  const javascript = scores.get('javascript') ?? 0;
  const typescript = scores.get('typescript') ?? 0;
  if (typescript > 0 && javascript + typescript >= (scores.get('python') ?? 0)) scores.set('typescript', javascript + typescript);

  let best: Language = 'python';
  let bestScore = 0;
  for (const [language, score] of scores) {
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}

function fromShebang(interpreter: string): Language {
  if (interpreter.startsWith('python')) return 'python';
  if (interpreter === 'tsx' || interpreter === 'ts-node' || interpreter === 'deno' || interpreter === 'bun') {
    return 'typescript';
  }
  return interpreter === 'node' ? 'javascript' : 'shell';
}

/** How much of the code `isBinary` reads. */
const BINARY_SAMPLE = 8 * 1024;

/**
 * Returns whether `code` is binary data rather than text: it contains a NUL
 * character, or more than a tenth of its first 8 KiB are control characters
 * other than whitespace or U+FFFD (what a decoder makes of invalid UTF-8).
 */
export function isBinary(code: string): boolean {
  if (code.includes('\u0000')) return true;

  const sample = code.slice(0, BINARY_SAMPLE);
  let suspicious = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const char = sample.charCodeAt(i);
    const control = (char < 0x20 && char !== 0x09 && char !== 0x0a && char !== 0x0d && char !== 0x0c) || char === 0x7f;
    if (control || char === 0xfffd) suspicious += 1;
  }
  return suspicious * 10 > sample.length;
}
