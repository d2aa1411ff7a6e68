// Property tests of the shell lexer over generated hostile and valid input.
// fast-check prints the seed and path of a failing run; keep such a case as
// a literal test in lexer.test.ts and fix the lexer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { offsetProblem, withinTimeLimit, randomText } from '../property-testing.ts';
import { lexShell, simpleCommands, type ShellLexResult, type ShellWord } from './index.ts';

const RUNS = 400;

function lex(text: string): ShellLexResult {
  return withinTimeLimit(() => lexShell(text), `lexShell of ${text.length} characters`);
}

/** Returns every offset problem of the tokens and issues of `result`, for a text of `length`. */
function offsetProblems(length: number, result: ShellLexResult): string[] {
  const problems: string[] = [];
  const note = (what: string, problem: string | undefined) => problem && problems.push(`${what}: ${problem}`);
  let previousEnd = 0;
  for (const token of result.tokens) {
    note(token.kind, offsetProblem(length, token.start, token.end));
    if (token.kind !== 'heredoc' && token.start < previousEnd) problems.push(`${token.kind} at ${token.start} overlaps ${previousEnd}`);
    if (token.kind !== 'heredoc') previousEnd = token.end;
    if (token.kind === 'word') {
      if (token.offsets.length !== token.value.length + 1) problems.push(`word ${token.raw}: ${token.offsets.length} offsets`);
      for (let i = 1; i < token.offsets.length; i += 1) {
        if ((token.offsets[i] ?? 0) < (token.offsets[i - 1] ?? 0)) problems.push(`word ${token.raw}: offsets go back at ${i}`);
      }
      note(`word ${token.raw}`, offsetProblem(length, token.offsets[0] ?? 0, token.offsets.at(-1) ?? 0));
    }
    if (token.kind === 'word' || token.kind === 'heredoc') {
      for (const expansion of token.expansions) note('expansion', offsetProblem(length, expansion.start, expansion.end));
    }
    if (token.kind === 'heredoc') note('heredoc body', offsetProblem(length, token.bodyStart, token.bodyStart + token.body.length));
  }
  for (const issue of result.issues) note(issue.code, offsetProblem(length, issue.start, issue.end));
  return problems;
}

/** Pieces of shell syntax, so that random sequences reach quoting, expansions and here-documents. */
const SHELL_TOKENS = [
  ' ', '\t', '\n', '\r\n', '\\\n', '\\', '\\ ', "'", '"', '`', '$', '${', '}', '$(', ')', '$((', '))', '(', '#',
  '|', '||', '&', '&&', ';', ';;', '<', '>', '>>', '2>', '<<', '<<-', '<<<', 'EOF', "'EOF'", '&>', '|&', '=',
  'aws', 'sts', 'assume-role', '--role-arn', 'x=1', 'ROLE', '$ROLE', '${ROLE:-r}', "$'\\x41'", '\u201c', '\u2019',
  '^', '`', '\u00a0', 'a', '*', '?', '[', ']', '~', '{', '\u0000',
];
const shellSoup = fc.array(fc.constantFrom(...SHELL_TOKENS), { maxLength: 150 }).map((parts) => parts.join(''));

test('random text lexes inside bounds', () => {
  fc.assert(
    fc.property(randomText, (text) => {
      const result = lex(text);
      assert.deepEqual(offsetProblems(text.length, result), [], JSON.stringify(text.slice(0, 200)));
      simpleCommands(result.tokens);
    }),
    { numRuns: RUNS },
  );
});

test('shell token soup lexes inside bounds', () => {
  fc.assert(
    fc.property(shellSoup, (text) => {
      const result = lex(text);
      assert.deepEqual(offsetProblems(text.length, result), [], JSON.stringify(text));
      simpleCommands(result.tokens);
    }),
    { numRuns: RUNS * 3 },
  );
});

/** Spaces and tabs, and line continuations followed by indentation, between two words. */
const separator = fc
  .array(fc.constantFrom(' ', '  ', '\t', ' \\\n', ' \\\n  ', '\\\n\t'), { minLength: 1, maxLength: 3 })
  .map((parts) => ` ${parts.join('')}`);

const plainWord = fc.stringMatching(/^[A-Za-z0-9_:/.=@+,-]{1,20}$/);

test('word values survive extra spaces and continuations', () => {
  fc.assert(
    fc.property(fc.array(plainWord, { minLength: 1, maxLength: 10 }), fc.array(separator, { minLength: 1 }), (words, seps) => {
      const spaced = words.map((word, i) => (i === 0 ? word : `${seps[i % seps.length]}${word}`)).join('');
      const values = lex(spaced).tokens.filter((token): token is ShellWord => token.kind === 'word').map((word) => word.value);
      assert.deepEqual(values, words, JSON.stringify(spaced));
    }),
    { numRuns: RUNS },
  );
});
