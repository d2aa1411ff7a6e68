import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandWord, lexShell, simpleCommands, type ShellWord } from './index.ts';

const words = (text: string): string[] =>
  lexShell(text).tokens.filter((t): t is ShellWord => t.kind === 'word').map((t) => t.value);

const firstWord = (text: string): ShellWord => {
  const word = lexShell(text).tokens.find((t): t is ShellWord => t.kind === 'word');
  assert.ok(word, `no word in ${JSON.stringify(text)}`);
  return word;
};

const issueCodes = (text: string): Array<[string, number, number]> =>
  lexShell(text).issues.map((i) => [i.code, i.start, i.end]);

test('words split like a POSIX shell', () => {
  const cases: Array<[string, string[]]> = [
    ['aws sts get-caller-identity', ['aws', 'sts', 'get-caller-identity']],
    ["a 'b c' \"d e\"", ['a', 'b c', 'd e']],
    ['a\\ b c', ['a b', 'c']],
    ['a \\\n  b', ['a', 'b']],
    ['a\\\nb', ['ab']],
    ['"a\\"b" "\\$x" "\\q"', ['a"b', '$x', '\\q']],
    ["'a\\nb'", ['a\\nb']],
    ["$'a\\nb\\x41'", ['a\nbA']],
    ["$'\\u00e9\\101\\cA\\U0001F600\\0'", ['\u00e9A\u0001\u{1F600}\0']],
    ["$'\\q\\x'", ['\\q\\x']],
    ['a#b # comment', ['a#b']],
    ['--opt=\'{"a": 1}\'', ['--opt={"a": 1}']],
    ['a\tb\r\nc', ['a', 'b', 'c']],
    ['""', ['']],
  ];
  for (const [text, expected] of cases) {
    assert.deepEqual(words(text), expected, JSON.stringify(text));
  }
});

test('offsets map value characters to the source', () => {
  const word = firstWord(`x'ab'\\"c`);
  assert.equal(word.value, 'xab"c');
  assert.deepEqual([...word.offsets], [0, 2, 3, 6, 7, 8]);
  assert.equal(word.start, 0);
  assert.equal(word.end, 8);
  assert.equal(word.quoted, true);
});

test('offsets skip continuations', () => {
  const word = firstWord('ab\\\ncd');
  assert.equal(word.value, 'abcd');
  assert.deepEqual([...word.offsets], [0, 1, 4, 5, 6]);
});

test('operators are tokens', () => {
  const { tokens } = lexShell('a|b||c&&d;e&f 2>err >>out <in <<<s &>all $(x)');
  const ops = tokens.filter((t) => t.kind === 'operator').map((t) => (t.kind === 'operator' ? t.op : ''));
  assert.deepEqual(ops, ['|', '||', '&&', ';', '&', '>', '>>', '<', '<<<', '&>']);
  const redirect = tokens.find((t) => t.kind === 'operator' && t.op === '>');
  assert.equal(redirect?.kind === 'operator' ? redirect.ioNumber : undefined, '2');
});

test('expansions are recorded with positions', () => {
  const word = firstWord('arn:"$ACCOUNT"/${ROLE}-$(date +%s)`id`$1$');
  assert.deepEqual(
    word.expansions.map((e) => [e.kind, e.name, e.start, e.end, e.quoted, e.braced, e.closed]),
    [
      ['variable', 'ACCOUNT', 5, 13, true, false, true],
      ['variable', 'ROLE', 15, 22, false, true, true],
      ['command', '', 23, 34, false, false, true],
      ['command', '', 34, 38, false, false, true],
      ['variable', '1', 38, 40, false, false, true],
    ],
  );
  assert.equal(word.value, 'arn:$ACCOUNT/${ROLE}-$(date +%s)`id`$1$');
  const first = word.expansions[0];
  assert.ok(first);
  assert.equal(word.value.slice(first.valueStart, first.valueEnd), '$ACCOUNT');
});

test('command substitution nests and skips quoted parentheses', () => {
  const word = firstWord('$(echo "(" $(pwd) \')\')x y');
  assert.equal(word.value, '$(echo "(" $(pwd) \')\')x');
  assert.equal(word.expansions[0]?.end, 22);
});

test('modifier of braced expansion is kept', () => {
  const word = firstWord('${REGION:-us-east-1}');
  assert.equal(word.expansions[0]?.name, 'REGION');
  assert.equal(word.expansions[0]?.modifier, ':-us-east-1');
});

test('assignment words are recognised', () => {
  assert.deepEqual(firstWord('ROLE_NAME=lab-role').assignment, { name: 'ROLE_NAME', valueIndex: 10 });
  assert.deepEqual(firstWord("POLICY='{\"a\": 1}'").assignment, { name: 'POLICY', valueIndex: 7 });
  assert.equal(firstWord('"X"=1').assignment, undefined);
  assert.equal(firstWord('--role-name=x').assignment, undefined);
  assert.equal(firstWord('1X=2').assignment, undefined);
});

test('here-documents keep their body and position', () => {
  const text = "cat > t.json <<'EOF'\n{\"a\": \"$x\"}\nEOF\naws iam x <<-END\n\t$ROLE\n\tEND\n";
  const heredocs = lexShell(text).tokens.filter((t) => t.kind === 'heredoc');
  assert.equal(heredocs.length, 2);
  const [quoted, plain] = heredocs;
  assert.equal(quoted?.kind === 'heredoc' && quoted.body, '{"a": "$x"}\n');
  assert.equal(quoted?.kind === 'heredoc' && quoted.quoted, true);
  assert.equal(quoted?.kind === 'heredoc' && text.slice(quoted.bodyStart, quoted.bodyStart + 1), '{');
  assert.equal(plain?.kind === 'heredoc' && plain.expansions[0]?.name, 'ROLE');
  assert.deepEqual(words(text), ['cat', 't.json', 'EOF', 'aws', 'iam', 'x', 'END']);
});

test('issues of bad input', () => {
  const cases: Array<[string, Array<[string, number, number]>]> = [
    ["a 'b", [['unclosed-single-quote', 2, 4]]],
    ['a "b', [['unclosed-double-quote', 2, 4]]],
    ['a $(b', [['unclosed-expansion', 2, 5]]],
    ['a ${b', [['unclosed-expansion', 2, 5]]],
    ['a\0b', [['nul-byte', 1, 2]]],
    ['--name \u201clab\u201d', [['curly-quote', 7, 8], ['curly-quote', 11, 12]]],
    ['--name \uff02lab\u201f \u201bx\uff07', [['curly-quote', 7, 8], ['curly-quote', 11, 12], ['curly-quote', 13, 14], ['curly-quote', 15, 16]]],
    ['aws sts ^\n  get-caller-identity', [['caret-continuation', 8, 9]]],
    ['aws sts `\n  get-caller-identity', [['backtick-continuation', 8, 9]]],
    ['aws sts \\  \n  x', [['space-after-backslash', 8, 12]]],
    ['cat <<EOF\nabc\n', [['unclosed-heredoc', 10, 14]]],
  ];
  for (const [text, expected] of cases) assert.deepEqual(issueCodes(text), expected, JSON.stringify(text));
});

test('other shells continuations are read as continuations', () => {
  assert.deepEqual(words('aws sts ^\n get-caller-identity'), ['aws', 'sts', 'get-caller-identity']);
  assert.deepEqual(words('aws sts `\r\n get-caller-identity'), ['aws', 'sts', 'get-caller-identity']);
  assert.equal(lexShell('a ^\nb').issues[0]?.assumed, true);
});

test('expandWord substitutes known variables', () => {
  const word = firstWord('arn:aws:iam::"$ACCOUNT":role/${ROLE}$(x)$UNKNOWN');
  const expanded = expandWord(word, (name) => ({ ACCOUNT: '123', ROLE: 'r' })[name]);
  assert.equal(expanded.value, 'arn:aws:iam::123:role/r$(x)$UNKNOWN');
  assert.deepEqual(expanded.unresolved.map((e) => e.kind + ':' + e.name), ['command:', 'variable:UNKNOWN']);
  assert.equal(expanded.offsets.length, expanded.value.length + 1);
  assert.equal(expanded.offsets[13], 14);
  assert.equal(expanded.offsets[expanded.value.length], word.end);
});

test('expandWord reports unquoted values with blanks', () => {
  const expanded = expandWord(firstWord('$X'), () => 'a b');
  assert.equal(expanded.split.length, 1);
  assert.equal(expandWord(firstWord('"$X"'), () => 'a b').split.length, 0);
});

test('simpleCommands groups words, assignments and redirections', () => {
  const text = 'ROLE=x aws iam get-role --role-name "$ROLE" > out.json && echo ok\n# note\ncat <<EOF\nbody\nEOF\n';
  const commands = simpleCommands(lexShell(text).tokens);
  assert.equal(commands.length, 3);
  const [first, second, third] = commands;
  assert.deepEqual(first?.assignments.map((w) => w.value), ['ROLE=x']);
  assert.deepEqual(first?.words.map((w) => w.value), ['aws', 'iam', 'get-role', '--role-name', '$ROLE']);
  assert.equal(first?.redirections[0]?.target?.value, 'out.json');
  assert.equal(first?.endedBy?.op, '&&');
  assert.equal(second?.precededBy?.op, '&&');
  assert.deepEqual(second?.words.map((w) => w.value), ['echo', 'ok']);
  assert.equal(third?.redirections[0]?.heredoc?.body, 'body\n');
});

test('large and hostile input is lexed quickly', () => {
  const inputs = [
    'aws ' + '--x y '.repeat(10_000),
    "'" + 'a'.repeat(100_000),
    '$('.repeat(20_000),
    '${'.repeat(20_000),
    '"'.repeat(100_001),
    '\\'.repeat(100_001),
    '<<'.repeat(10_000),
    '\0'.repeat(100_000),
  ];
  for (const text of inputs) {
    // CPU time, because elapsed time on a shared machine depends on the other jobs.
    const started = process.cpuUsage();
    const result = lexShell(text);
    const used = process.cpuUsage(started);
    const cpuMs = (used.user + used.system) / 1000;
    assert.ok(result.tokens.length + result.issues.length > 0);
    // A loose bound that catches a hang or quadratic work.
    assert.ok(cpuMs < 1000, `${cpuMs.toFixed(0)} ms of CPU for ${JSON.stringify(text.slice(0, 10))}`);
  }
});
