import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractAssignments } from '../extract/index.ts';
import { splitCommandLines, validateScript } from './index.ts';

const ARN = 'arn:aws:iam::123456789012:role/demo';

interface ScriptCase {
  title: string;
  script: string;
  /** Per command validated: its start line, then each finding as `CODE@line:column` in the command. */
  commands: Array<[number, string[]]>;
}

const CASES: ScriptCase[] = [
  {
    title: 'assignment line carries over',
    script: `ROLE_ARN=${ARN}\naws sts assume-role --role-arn "$ROLE_ARN" --role-session-name lab`,
    commands: [[2, []]],
  },
  {
    title: 'export carries over',
    script: `export ROLE_ARN=${ARN}\nexport SESSION=lab\naws sts assume-role --role-arn "$ROLE_ARN" --role-session-name "$SESSION"`,
    commands: [[3, []]],
  },
  {
    title: 'declare and readonly carry over',
    script: `declare -r ROLE_ARN=${ARN}\nreadonly SESSION=lab\naws sts assume-role --role-arn $ROLE_ARN --role-session-name $SESSION`,
    commands: [[3, []]],
  },
  {
    title: 'variable never set keeps its finding',
    script: `SESSION=lab\naws sts assume-role --role-arn "$ROLE_ARN" --role-session-name "$SESSION"`,
    commands: [[2, ['SHELL_UNKNOWN_VARIABLE@1:33']]],
  },
  {
    title: 'assignment after the command is not seen',
    script: `aws iam get-role --role-name "$ROLE"\nROLE=lab-role`,
    commands: [[1, ['SHELL_UNKNOWN_VARIABLE@1:31']]],
  },
  {
    title: 'unset removes a variable',
    script: 'ROLE=lab-role\nunset ROLE\naws iam get-role --role-name "$ROLE"',
    commands: [[3, ['SHELL_UNKNOWN_VARIABLE@1:31']]],
  },
  {
    title: 'later assignment replaces',
    script: `S=a\naws sts assume-role --role-arn ${ARN} --role-session-name "$S"\nS=lab\naws sts assume-role --role-arn ${ARN} --role-session-name "$S"`,
    commands: [[2, ['VALUE_TOO_SHORT@1:89']], [4, []]],
  },
  {
    title: 'assignment builds on earlier ones',
    script: `ACCOUNT=123456789012\nROLE_ARN="arn:aws:iam::$ACCOUNT:role/demo"\naws sts assume-role --role-arn "$ROLE_ARN" --role-session-name lab`,
    commands: [[3, []]],
  },
  {
    title: 'prefix assignment stays with its command',
    script: 'ROLE=lab-role env\naws iam get-role --role-name "$ROLE"',
    commands: [[1, ['COMMAND_NOT_AWS@1:15']], [2, ['SHELL_UNKNOWN_VARIABLE@1:31']]],
  },
  {
    title: 'conditional assignment is not read',
    script: 'test -n "$CI" && ROLE=lab-role\naws iam get-role --role-name "$ROLE"',
    commands: [[1, ['COMMAND_NOT_AWS@1:1']], [2, ['SHELL_VARIABLE_UNREADABLE@1:31']]],
  },
  {
    title: 'assignment from a command is not read',
    script: 'ROLE=$(cat name.txt)\naws iam get-role --role-name "$ROLE"',
    commands: [[2, ['SHELL_VARIABLE_UNREADABLE@1:31']]],
  },
  {
    title: 'assignment and command on one line',
    script: 'ROLE=lab-role; aws iam get-role --role-name "$ROLE"',
    commands: [[1, []]],
  },
  {
    title: 'quoted value over several lines',
    script: "POLICY='{\n  \"Version\": \"2012-10-17\"\n}'\naws iam put-role-policy --role-name r --policy-name p --policy-document \"$POLICY\"",
    commands: [[4, ['MISSING_STATEMENT@1:74']]],
  },
  {
    title: 'command over several quoted lines',
    script: "aws iam create-role --role-name r --assume-role-policy-document '{\n  \"Version\": \"2012-10-17\"\n}'\naws sts get-caller-identity",
    commands: [[1, ['MISSING_STATEMENT@1:66']], [4, []]],
  },
  {
    title: 'quote closed on a later line after another command',
    script: "aws sts get-caller-identity --query 'Account\n' ; echo \"it's\n\"\naws sts get-caller-identity",
    commands: [[1, ['SHELL_OPERATOR@2:3']], [4, []]],
  },
  {
    title: 'blank and hash lines inside a quote',
    script: "aws iam create-role --role-name r --assume-role-policy-document '{\n\n# no comment\n  \"Version\": \"2012-10-17\"}'\naws sts get-caller-identity",
    commands: [[1, ['JSON_SYNTAX_ERROR@3:1']], [5, []]],
  },
  {
    title: 'CRLF line endings',
    script: 'ROLE=lab-role\r\naws iam get-role --role-name "$ROLE"\r\n',
    commands: [[2, []]],
  },
];

const summarize = (script: string): Array<[number, string[]]> =>
  validateScript(script).map((command) => [
    command.line,
    command.validation.findings.map((finding) => `${finding.code}@${finding.line}:${finding.column}`),
  ]);

test('script commands see earlier assignments', () => {
  for (const { title, script, commands } of CASES) assert.deepEqual(summarize(script), commands, title);
});

test('script variables match the extraction', () => {
  const scripts = [
    'ROLE=lab-role',
    'export ROLE="lab-$SUFFIX"\nSUFFIX=x',
    'A=lab\nexport ROLE="$A-role"',
    "ROLE='lab-role'\nROLE=\"$ROLE-2\"",
    "ROLE=$(cat <<'EOF'\nlab-role\nEOF\n)",
    'f() { ROLE=inner; }\nROLE=top',
    '(ROLE=sub)\nROLE=top\n',
  ];
  for (const script of scripts) {
    const extracted = extractAssignments(script, 'shell').assignments.get('ROLE')?.value;
    const command = validateScript(`${script}\naws iam get-role --role-name "$ROLE"`).at(-1);
    const parameter = command?.validation.parameters.RoleName;
    if (extracted?.kind === 'string') assert.equal(parameter, extracted.value, script);
    else assert.equal(parameter, '$ROLE', script);
  }
});

test('script uses the caller variables', () => {
  const [command] = validateScript('aws iam get-role --role-name "$ROLE"', { variables: { ROLE: 'lab-role' } });
  assert.equal(command?.validation.parameters.RoleName, 'lab-role');
  assert.deepEqual(command?.validation.findings, []);
});

test('script skips lines that only set variables', () => {
  assert.deepEqual(validateScript('A=1\nexport B=2\nunset A\n# note\n\n'), []);
});

test('script skips if and loop lines', () => {
  const script = 'if [ -z "$ROLE" ]; then\n  ROLE=lab-role\nfi\nfor s in a b; do\ndone\naws iam get-role --role-name "$ROLE"';
  assert.deepEqual(summarize(script), [[6, ['SHELL_VARIABLE_UNREADABLE@1:31']]]);
});

test('script keeps if lines that run aws', () => {
  const [command] = validateScript('if true; then aws sts get-caller-identity; fi');
  assert.equal(command?.line, 1);
  // The validator finds an aws command only as the first word of a simple command.
  assert.equal(command?.validation.findings[0]?.code, 'COMMAND_NOT_AWS');
});

test('splitCommandLines keeps offsets into the script', () => {
  const script = 'a \\\r\nb\r\n\r\n# x\nc';
  assert.deepEqual(splitCommandLines(script), [
    { text: 'a \\\nb', line: 1, start: 0, end: 6 },
    { text: 'c', line: 5, start: 14, end: 15 },
  ]);
});

test('large script is validated in linear time', () => {
  const script = `${'A=x\n'.repeat(20_000)}${'aws sts get-caller-identity --output "$A"\n'.repeat(500)}`;
  const started = process.cpuUsage();
  const commands = validateScript(script);
  const used = process.cpuUsage(started);
  assert.equal(commands.length, 500);
  // A loose bound that catches quadratic work; CPU time, because other jobs share the machine.
  assert.ok((used.user + used.system) / 1000 < 10_000, `${(used.user + used.system) / 1000} ms`);
});
