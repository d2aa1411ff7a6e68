import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_FINDINGS } from './context.ts';
import { MAX_SOURCE_LENGTH, extractAssignments, type Extraction, type Language } from './index.ts';

const LANGUAGES: Language[] = ['python', 'javascript', 'typescript', 'shell'];

/** Generous for a shared CI machine; a hang or a quadratic blow-up takes far longer. */
const TIME_LIMIT_MS = 15_000;

function timed(code: string, language: Language): Extraction {
  const started = performance.now();
  const extraction = extractAssignments(code, language);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < TIME_LIMIT_MS, `took ${Math.round(elapsed)} ms`);
  assert.ok(extraction.findings.length <= MAX_FINDINGS + 1, 'findings are capped');
  return extraction;
}

const codes = (extraction: Extraction): string[] => extraction.findings.map((finding) => finding.code);

function repeatToSize(line: string, size: number): string {
  return line.repeat(Math.ceil(size / line.length));
}

test('1 MB of Python is read to the last assignment', () => {
  const line = 'trust_policy = json.dumps({"Version": "2012-10-17", "Statement": []})\n';
  const code = `import json\n${repeatToSize(line, 1_000_000)}role_name = "last"\n`;
  const extraction = timed(code, 'python');
  assert.equal(extraction.assignments.get('role_name')?.value.value, 'last');
  assert.equal(extraction.assignments.get('trust_policy')?.value.value, '{"Version": "2012-10-17", "Statement": []}');
});

test('1 MB of JavaScript is read to the last assignment', () => {
  const line = 'trust_policy = JSON.stringify({ Version: "2012-10-17", Statement: [] });\n';
  const code = `let trust_policy;\n${repeatToSize(line, 1_000_000)}const role_name = "last";\n`;
  const extraction = timed(code, 'javascript');
  assert.equal(extraction.assignments.get('role_name')?.value.value, 'last');
});

test('1 MB of shell is read to the last assignment', () => {
  const code = `${repeatToSize('x="a b c"; y=$x\n', 1_000_000)}role_name=last\n`;
  const extraction = timed(code, 'shell');
  assert.equal(extraction.assignments.get('role_name')?.value.value, 'last');
  assert.equal(extraction.assignments.get('y')?.value.value, 'a b c');
});

test('code beyond the maximum length is cut with a finding', () => {
  const code = `x = "first"\n${' '.repeat(MAX_SOURCE_LENGTH)}\ny = "lost"\n`;
  const extraction = timed(code, 'python');
  assert.ok(codes(extraction).includes('LIMIT_EXCEEDED'));
  assert.equal(extraction.assignments.get('x')?.value.value, 'first');
  assert.equal(extraction.assignments.has('y'), false);
});

test('a byte order mark is ignored', () => {
  for (const [language, code] of [
    ['python', '\ufeffx = "1"'],
    ['javascript', '\ufeffconst x = "1";'],
    ['shell', '\ufeffx="1"'],
  ] as const) {
    const assignment = timed(code, language).assignments.get('x');
    assert.equal(assignment?.value.value, '1', language);
    assert.equal(assignment?.column, language === 'javascript' ? 8 : 2, language);
  }
});

test('binary data is rejected in every language', () => {
  let bytes = '';
  for (let i = 0; i < 200_000; i += 1) bytes += String.fromCharCode((i * 7919) % 256);
  for (const language of LANGUAGES) {
    const extraction = timed(bytes, language);
    assert.deepEqual(codes(extraction), ['BINARY_INPUT'], language);
    assert.equal(extraction.assignments.size, 0);
  }
});

test('text of replacement characters is rejected as binary', () => {
  const extraction = timed('x = 1\n' + '\ufffd'.repeat(5000), 'python');
  assert.deepEqual(codes(extraction), ['BINARY_INPUT']);
});

test('10,000 nested parentheses stop the parse with a finding', () => {
  const nested = `${'('.repeat(10_000)}"a"${')'.repeat(10_000)}`;
  for (const language of ['python', 'javascript'] as const) {
    const extraction = timed(`w = "before"\nx = ${nested}\ny = "after"\n`, language);
    assert.equal(extraction.assignments.get('w')?.value.value, 'before', language);
    assert.equal(extraction.assignments.get('x')?.value.kind, 'unreadable', language);
    assert.equal(extraction.assignments.has('y'), false, language);
    const limit = extraction.findings.find((finding) => finding.code === 'LIMIT_EXCEEDED');
    assert.equal(limit?.data?.limit, 'parse-nesting', language);
    assert.equal(limit?.line, 2, language);
  }
});

test('100 nested parentheses stop at the evaluation depth', () => {
  const nested = `${'('.repeat(150)}"a"${')'.repeat(150)}`;
  const extraction = timed(`x = ${nested}\ny = "after"\n`, 'python');
  assert.equal(extraction.assignments.get('x')?.value.kind, 'unreadable');
  assert.equal(extraction.findings[0]?.data?.limit, 'nesting');
  assert.equal(extraction.assignments.get('y')?.value.value, 'after');
});

test('10,000 nested brackets and braces are not read', () => {
  // Lezer itself cuts trees deeper than about 900 levels with an error node, so either limit may apply.
  const lists = `x = ${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  const dicts = `x = ${'{"a": '.repeat(10_000)}1${'}'.repeat(10_000)}`;
  for (const code of [lists, dicts]) {
    for (const language of ['python', 'javascript'] as const) {
      const extraction = timed(code, language);
      assert.equal(extraction.assignments.get('x')?.value.kind, 'unreadable', language);
      const found = codes(extraction);
      assert.ok(found.includes('LIMIT_EXCEEDED') || found.includes('SYNTAX_ERROR'), `${language}: ${found.join(', ')}`);
    }
  }
});

test('10,000 unclosed brackets give syntax errors', () => {
  for (const language of ['python', 'javascript'] as const) {
    const extraction = timed(`x = ${'[{('.repeat(10_000)}`, language);
    assert.ok(codes(extraction).includes('SYNTAX_ERROR'), `${language}: ${codes(extraction).join(', ')}`);
    assert.equal(extraction.assignments.get('x')?.value.kind, 'unreadable', language);
  }
});

test('nesting built through names stops at the nesting limit', () => {
  const code = `a = [1]\n${'a = [a]\n'.repeat(300)}`;
  const extraction = timed(code, 'python');
  assert.equal(extraction.assignments.get('a')?.value.kind, 'unreadable');
  assert.ok(codes(extraction).includes('LIMIT_EXCEEDED'));
});

test('doubling a string stops at the size limit', () => {
  for (const [language, first, step] of [
    ['python', 'a = "xxxxxxxx"\n', 'a = a + a\n'],
    ['javascript', 'let a = "xxxxxxxx";\n', 'a = a + a;\n'],
    ['shell', 'a=xxxxxxxx\n', 'a="$a$a"\n'],
  ] as const) {
    const extraction = timed(first + step.repeat(60), language);
    assert.equal(extraction.assignments.get('a')?.value.kind, 'unreadable', language);
    assert.ok(codes(extraction).includes('LIMIT_EXCEEDED'), language);
  }
});

test('a huge string literal is read in full', () => {
  const text = 'a'.repeat(900_000);
  for (const [language, code] of [
    ['python', `x = "${text}"`],
    ['javascript', `const x = \`${text}\`;`],
    ['shell', `x='${text}'`],
  ] as const) {
    const value = timed(code, language).assignments.get('x')?.value;
    assert.equal((value?.value as string).length, text.length, language);
    assert.equal(value?.offsets?.length, text.length + 1, language);
  }
});

test('long operator chains do not recurse', () => {
  // 450 operands: beyond the nesting limit if evaluated recursively, within what Lezer parses.
  const terms = Array.from({ length: 450 }, () => '"a"').join(' + ');
  assert.equal((timed(`x = ${terms}`, 'python').assignments.get('x')?.value.value as string).length, 450);
  assert.equal((timed(`const x = ${terms};`, 'javascript').assignments.get('x')?.value.value as string).length, 450);
});

test('long chains of long strings are concatenated once', () => {
  // Copying the growing string at every + would take 140 * 140 * 5000 / 2 = 49 million characters,
  // beyond the work budget. (Lezer itself parses only a few hundred operands of such a chain.)
  const terms = Array.from({ length: 140 }, () => `"${'a'.repeat(5000)}"`).join(' + ');
  for (const [language, code] of [
    ['python', `x = ${terms}`],
    ['javascript', `const x = ${terms};`],
  ] as const) {
    const extraction = timed(code, language);
    assert.deepEqual(codes(extraction), [], language);
    assert.equal((extraction.assignments.get('x')?.value.value as string).length, 700_000, language);
  }
});

test('operator chains beyond what Lezer parses give a syntax error', () => {
  // Lezer stops reducing a left-associative chain after a few hundred operands.
  const terms = Array.from({ length: 100_000 }, () => '"a"').join(' + ');
  for (const language of ['python', 'javascript'] as const) {
    const extraction = timed(`x = ${terms}`, language);
    assert.ok(codes(extraction).includes('SYNTAX_ERROR'), language);
    assert.equal(extraction.assignments.get('x')?.value.kind, 'unreadable', language);
  }
});

test('long assignment chains do not recurse', () => {
  const names = Array.from({ length: 900 }, (_, i) => `v${i}`);
  const extraction = timed(`${names.join(' = ')} = "end";`, 'javascript');
  assert.equal(extraction.assignments.get('v0')?.value.value, 'end');
  assert.equal(extraction.assignments.get('v899')?.value.value, 'end');
  assert.deepEqual(codes(extraction), []);
});

test('deeply nested blocks do not recurse', () => {
  const python = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}if x:`).join('\n') + `\n${' '.repeat(2000)}y = 1`;
  const pythonResult = timed(python, 'python');
  assert.notEqual(pythonResult.assignments.get('y')?.value.kind, 'number');
  const javascript = `${'if (x) {'.repeat(150)} y = 1; ${'}'.repeat(150)}`;
  assert.equal(timed(javascript, 'javascript').assignments.get('y')?.value.kind, 'unreadable');
  const deeper = timed(`${'if (x) {'.repeat(5000)} y = 1; ${'}'.repeat(5000)}`, 'javascript');
  assert.ok(codes(deeper).includes('LIMIT_EXCEEDED'));
  const shell = `${'if true; then '.repeat(5000)}y=1${'; fi'.repeat(5000)}`;
  assert.equal(timed(shell, 'shell').assignments.get('y')?.value.kind, 'unreadable');
});

test('many unreadable assignments cap the findings', () => {
  const code = Array.from({ length: 5000 }, (_, i) => `x${i} = input()`).join('\n');
  const extraction = timed(code, 'python');
  assert.equal(extraction.findings.length, MAX_FINDINGS + 1);
  assert.ok(extraction.findings.some((finding) => finding.data?.limit === 'findings'));
  assert.equal(extraction.assignments.size, 5000);
});

test('an indent that builds a huge string is refused', () => {
  const extraction = timed('import json\nx = json.dumps([1], indent=100000000)', 'python');
  assert.ok(codes(extraction).includes('LIMIT_EXCEEDED'));
});

test('random text never throws', () => {
  for (const language of LANGUAGES) {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (code) => {
        const extraction = extractAssignments(code, language);
        assert.ok(!codes(extraction).includes('EXTRACTION_FAILED'), JSON.stringify(code));
      }),
      { numRuns: 300 },
    );
  }
});

test('random code-like text never throws', () => {
  const token = fc.constantFrom(
    'x', ' = ', '"a', "'", '`', '${', '}', '{', '[', ']', '(', ')', ',', ':', '\n', '\\', 'f"', 'r"', '"""',
    'json.dumps(', 'JSON.stringify(', '+', '$x', '$(', 'cat <<EOF\n', 'EOF\n', 'if x:\n  ', 'const ', 'export ',
    '1', 'True', 'null', '...', '**', '#', '//', ';', '\\u{', '\\x', '\\N{',
  );
  const code = fc.array(token, { maxLength: 60 }).map((parts) => parts.join(''));
  for (const language of LANGUAGES) {
    fc.assert(
      fc.property(code, (text) => {
        const extraction = extractAssignments(text, language);
        assert.ok(!codes(extraction).includes('EXTRACTION_FAILED'), JSON.stringify(text));
        for (const { value } of extraction.assignments.values()) {
          if (value.kind !== 'string') continue;
          assert.equal(value.offsets?.length, (value.value as string).length + 1, JSON.stringify(text));
        }
      }),
      { numRuns: 400 },
    );
  }
});
