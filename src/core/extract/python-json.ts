/** `json.dumps(obj, ...)` calls in Python code, with the keyword arguments that change its output. */
import type { SyntaxNode } from '@lezer/common';
import { pythonJsonOptions, serializeJson, type JsonOptions } from './json.ts';
import { childrenOf } from './lezer.ts';
import type { PythonEvaluator } from './python.ts';
import { Unreadable, notStatic, type Value } from './values.ts';

interface CallArguments {
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
}

/** Reads the arguments of a call; `*args` and `**kwargs` cannot be read statically. */
function readArguments(args: SyntaxNode, evaluator: PythonEvaluator): CallArguments {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const children = childrenOf(args).filter((child) => !['(', ')', ','].includes(child.name));
  for (let i = 0; i < children.length; i += 1) {
    const child = children[i];
    if (!child) break;
    if (child.name === '*' || child.name === '**') {
      throw notStatic('json-option', child, { option: `${child.name}${evaluator.text(children[i + 1] ?? child)}`, callee: 'json.dumps' });
    }
    const value = children[i + 2];
    if (child.name === 'VariableName' && children[i + 1]?.name === 'AssignOp' && value) {
      keywords.set(evaluator.text(child), value);
      i += 2;
    } else {
      positional.push(child);
    }
  }
  return { positional, keywords };
}

/** Largest `indent` read; a larger one would build a huge string out of almost nothing. */
const MAX_INDENT = 1000;

const BOOLEAN_OPTIONS = {
  skipkeys: 'skipKeys',
  ensure_ascii: 'ensureAscii',
  allow_nan: 'allowNan',
  sort_keys: 'sortKeys',
  check_circular: undefined,
} as const;

/** Evaluates `json.dumps(...)` as Python 3.11 prints it. */
export function evaluateJsonDumps(
  evaluator: PythonEvaluator,
  call: SyntaxNode,
  args: SyntaxNode,
  depth: number,
): Value {
  // An argument list that the parser left open, such as one cut at a parse limit, is no call yet.
  if (args.lastChild?.name !== ')') throw new Unreadable('SYNTAX_ERROR', args.to, args.to, {});
  const { positional, keywords } = readArguments(args, evaluator);
  const [objectNode] = positional;
  if (positional.length !== 1 || !objectNode) {
    throw new Unreadable('RUNTIME_ERROR', args.from, args.to, {
      error: 'TypeError',
      detail: 'json-arguments',
      callee: 'json.dumps',
    });
  }

  const object = evaluator.evaluate(objectNode, depth + 1);
  const options = readOptions(evaluator, keywords, depth);
  return serializeJson(object, options, evaluator.ctx.budget, { start: call.from, end: call.to });
}

function readOptions(evaluator: PythonEvaluator, keywords: Map<string, SyntaxNode>, depth: number): JsonOptions {
  const indentNode = keywords.get('indent');
  const options = pythonJsonOptions(indentNode ? readIndent(evaluator.evaluate(indentNode, depth + 1)) : undefined);
  for (const [name, node] of keywords) {
    if (name === 'indent') continue;
    if (name === 'separators') {
      Object.assign(options, readSeparators(evaluator.evaluate(node, depth + 1)));
      continue;
    }
    if (!(name in BOOLEAN_OPTIONS)) {
      throw notStatic('json-option', node, { option: name, callee: 'json.dumps' });
    }
    const flag = truthiness(evaluator.evaluate(node, depth + 1));
    const key = BOOLEAN_OPTIONS[name as keyof typeof BOOLEAN_OPTIONS];
    if (key) options[key] = flag;
  }
  return options;
}

/** `indent` as `json.dumps` reads it: an int is that many spaces (none below 1), a str is used as is. */
function readIndent(value: Value): string | undefined {
  if (value.type === 'null') return undefined;
  if (value.type === 'str' && !value.bytes) return value.text;
  if (value.type === 'bool') return value.value ? ' ' : '';
  if (value.type === 'num' && value.pythonInt !== undefined) {
    const count = Number(value.pythonInt);
    if (count > MAX_INDENT) {
      throw new Unreadable('LIMIT_EXCEEDED', value.start, value.end, { limit: 'value-size', maximum: MAX_INDENT });
    }
    return count > 0 ? ' '.repeat(count) : '';
  }
  throw new Unreadable('RUNTIME_ERROR', value.start, value.end, {
    error: 'TypeError',
    detail: 'json-arguments',
    callee: 'json.dumps',
  });
}

function readSeparators(value: Value): Partial<JsonOptions> {
  if (value.type === 'null') return {};
  const [item, key] = value.type === 'list' ? value.items : [];
  if (value.type === 'list' && value.items.length === 2 && item?.type === 'str' && key?.type === 'str') {
    return { itemSeparator: item.text, keySeparator: key.text };
  }
  throw new Unreadable('RUNTIME_ERROR', value.start, value.end, {
    error: 'ValueError',
    detail: 'json-arguments',
    callee: 'json.dumps',
  });
}

function truthiness(value: Value): boolean {
  switch (value.type) {
    case 'bool':
      return value.value;
    case 'null':
    case 'undefined':
      return false;
    case 'num':
      return value.value !== 0;
    case 'str':
      return value.text.length > 0;
    case 'list':
      return value.items.length > 0;
    case 'dict':
      return value.entries.length > 0;
  }
}
