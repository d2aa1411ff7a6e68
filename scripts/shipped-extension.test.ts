// Checks what the extension ships: the manifests that scripts/manifests.mjs
// derives and the ones `npm run build` writes into dist/chrome and
// dist/firefox, and the bundles beside them. Nothing may widen the
// extension's reach (host access, pages that others can message or load)
// or load code that is not in the package.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserManifests } from './manifests.mjs';

const root = join(import.meta.dirname, '..');
const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const derived = browserManifests(source, '1.0.0');
const BUILDS = ['chrome', 'firefox'] as const;
const NOT_BUILT = 'dist/ has no build; run "npm run build" first (npm test does)';

type Manifest = Record<string, unknown>;

function builtManifest(browser: string): Manifest | undefined {
  const path = join(root, 'dist', browser, 'manifest.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const ALLOWED_PERMISSIONS = new Set(['storage', 'activeTab', 'scripting']);
const OPTIONAL_HOSTS = new Set(['http://*/*', 'https://*/*']);

/** Returns the directives of a content security policy, each with its sources. */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Returns why a manifest gives the extension more reach than it needs, or an empty list when it does not. */
function manifestProblems(manifest: Manifest): string[] {
  const problems: string[] = [];
  const permissions = (manifest['permissions'] ?? []) as string[];
  for (const permission of permissions) {
    if (!ALLOWED_PERMISSIONS.has(permission)) problems.push(`permission ${permission}`);
  }
  for (const host of (manifest['optional_host_permissions'] ?? []) as string[]) {
    if (!OPTIONAL_HOSTS.has(host)) problems.push(`optional host ${host}`);
  }
  if ('host_permissions' in manifest) problems.push('host_permissions (site access must be optional)');
  if ('content_scripts' in manifest) problems.push('content_scripts (scripts run only in pages the learner checks)');
  if ('externally_connectable' in manifest) problems.push('externally_connectable (web pages could message the worker)');
  if ('web_accessible_resources' in manifest) problems.push('web_accessible_resources (pages could load extension files)');
  if ('optional_permissions' in manifest) problems.push(`optional_permissions ${JSON.stringify(manifest['optional_permissions'])}`);
  if ('update_url' in manifest) problems.push('update_url');

  const csp = (manifest['content_security_policy'] as Record<string, string> | undefined)?.['extension_pages'];
  if (typeof csp !== 'string') return [...problems, 'no content_security_policy.extension_pages'];
  const directives = parseCsp(csp);
  const scriptSources = directives.get('script-src') ?? directives.get('default-src');
  const objectSources = directives.get('object-src') ?? directives.get('default-src');
  if (scriptSources?.join(' ') !== "'self'") problems.push(`script-src ${scriptSources?.join(' ') ?? '(none)'}`);
  if (!objectSources || !objectSources.every((item) => item === "'self'" || item === "'none'")) {
    problems.push(`object-src ${objectSources?.join(' ') ?? '(none)'}`);
  }
  return problems;
}

test('derived manifests stay narrow', () => {
  assert.deepEqual(manifestProblems(source), []);
  for (const browser of BUILDS) assert.deepEqual(manifestProblems(derived[browser]), [], browser);
});

test('manifest checks catch widening', () => {
  const widened: Array<[string, Manifest]> = [
    ['host_permissions', { ...derived.chrome, host_permissions: ['<all_urls>'] }],
    ['externally_connectable', { ...derived.chrome, externally_connectable: { matches: ['https://*/*'] } }],
    ['web_accessible_resources', { ...derived.chrome, web_accessible_resources: [{ resources: ['*'], matches: ['<all_urls>'] }] }],
    ['permission tabs', { ...derived.chrome, permissions: ['storage', 'tabs'] }],
    ['content_scripts', { ...derived.chrome, content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'] }] }],
    ["script-src 'self' 'unsafe-eval'", { ...derived.chrome, content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'; object-src 'self'" } }],
    ["script-src 'self' https://cdn.example", { ...derived.chrome, content_security_policy: { extension_pages: "script-src 'self' https://cdn.example" } }],
    ['no content_security_policy', { ...derived.chrome, content_security_policy: undefined }],
  ];
  for (const [expected, manifest] of widened) {
    assert.ok(manifestProblems(manifest).some((problem) => problem.startsWith(expected)), expected);
  }
});

for (const browser of BUILDS) {
  const manifest = builtManifest(browser);

  test(`${browser} build manifest is narrow`, { skip: manifest ? false : NOT_BUILT }, () => {
    assert.deepEqual(manifestProblems(manifest ?? {}), []);
    const { version: _built, ...built } = manifest ?? {};
    const { version: _derived, ...expected } = derived[browser] as Manifest;
    assert.deepEqual(built, expected, 'dist has the manifest that scripts/manifests.mjs derives');
  });

  test(`${browser} build has no remote code`, { skip: manifest ? false : NOT_BUILT }, () => {
    const dir = join(root, 'dist', browser);
    const files = readdirSync(dir).filter((name) => /\.(js|html|css)$/.test(name));
    assert.ok(files.filter((name) => name.endsWith('.js')).length >= 4, `${dir} has its bundles`);
    for (const name of files) {
      assert.deepEqual(remoteCodeProblems(readFileSync(join(dir, name), 'utf8')), [], `${browser}/${name}`);
    }
  });
}

/**
 * XML namespace URIs that Preact compares element namespaces with. They
 * are names and are never fetched.
 */
const NAMESPACE_URLS = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML']);

/** Patterns of code that loads or compiles code at run time, with what each one is. */
const CODE_LOADERS: Array<[RegExp, string]> = [
  // `eval` as a name, not a property key such as webextension-polyfill's `inspectedWindow: { eval: ... }`.
  [/(?<![\w$.'"`])eval(?![\w$'"`:])/, 'eval'],
  // The Function constructor called or taken as a value (`new Function`, `F = Function`), not `Function.prototype`.
  [/(?<![\w$.'"`])Function(?![\w$'"`.:])/, 'the Function constructor'],
  [/\b(?:setTimeout|setInterval)\(\s*['"`]/, 'a timer with code as a string'],
  [/\bimport\(\s*(?!['"`]\.{0,2}\/)/, 'import() of a computed or remote URL'],
  [/\bimportScripts\(\s*['"`]https?:/, 'importScripts() of a remote URL'],
  [/<script(?![^>]*\bsrc=["'](?!https?:|\/\/)[^"']+["'])[^>]*>/i, 'an inline or remote <script>'],
  [/\bsrc=["'](?:https?:)?\/\//i, 'a remote src'],
];

/** Returns the ways in which a bundle or page could run code from outside the package. */
function remoteCodeProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [pattern, what] of CODE_LOADERS) {
    const match = pattern.exec(text);
    if (match) problems.push(`${what}: ${text.slice(Math.max(0, match.index - 40), match.index + 40)}`);
  }
  for (const [url] of text.matchAll(/https?:\/\/[^\s"'`)\\<>]+/g)) {
    if (!NAMESPACE_URLS.has(url)) problems.push(`URL ${url}`);
  }
  return problems;
}

test('remote code checks catch loaders', () => {
  const loaders: Array<[string, string]> = [
    ['x=eval("1")', 'eval'],
    ['var e=Function;new e("return 1")', 'the Function constructor'],
    ['new Function("a","return a")', 'the Function constructor'],
    ['setTimeout("alert(1)",0)', 'a timer'],
    ['import(url)', 'import()'],
    ['import("https://cdn.example/x.js")', 'import()'],
    ['importScripts("https://cdn.example/x.js")', 'importScripts()'],
    ['<script>alert(1)</script>', 'an inline'],
    ['<script src="https://cdn.example/x.js"></script>', 'an inline or remote'],
    ['fetch("https://telemetry.example/collect")', 'URL https://telemetry.example/collect'],
  ];
  for (const [code, expected] of loaders) {
    assert.ok(remoteCodeProblems(code).some((problem) => problem.startsWith(expected)), code);
  }
  const harmless = [
    'Function.call.bind(Object.prototype.hasOwnProperty)',
    'case"FunctionDeclaration":case"ArrowFunction":',
    'o=="http://www.w3.org/2000/svg"',
    '<script type="module" src="popup.js"></script>',
    'import("./chunk.js")',
    'x.evaluate(e)',
    'inspectedWindow:{eval:{minArgs:1}}',
  ];
  for (const code of harmless) assert.deepEqual(remoteCodeProblems(code), [], code);
});
