/**
 * Variable bindings of a module as its top-level statements run, shared by
 * the Python and JavaScript evaluators: each binding either contains a value
 * or records why its value is unknown.
 */
import type { SyntaxNode } from '@lezer/common';
import type { AssignMode, ExtractionContext } from './context.ts';
import type { SourceValue } from './index.ts';
import { pythonFloatRepr, pythonNumberText } from './json.ts';
import { childrenOf, flattenChain, operandsOf } from './lezer.ts';
import {
  MAX_DEPTH,
  TextBuilder,
  Unreadable,
  notStatic,
  relocated,
  toSourceValue,
  type KeyName,
  type StrValue,
  type Value,
} from './values.ts';

export type Binding =
  | { kind: 'value'; value: Value }
  /** A name whose value the code computes at run time: a function, an import, a conditional assignment. */
  | { kind: 'unknown'; reason: Unreadable }
  /** Python's `json` module, imported. */
  | { kind: 'json' }
  /** Python's `json.dumps`, imported by name. */
  | { kind: 'json.dumps' };

/** Names `SourceValue.value` objects the way `json.dumps` prints Python keys. */
export const pythonKeyName: KeyName = (key) => {
  switch (key.type) {
    case 'str':
      return key.text;
    case 'num':
      return Number.isFinite(key.value) ? pythonNumberText(key) : pythonFloatRepr(key.value);
    case 'bool':
      return key.value ? 'true' : 'false';
    case 'null':
    case 'undefined':
      return 'null';
    default:
      return '';
  }
};

/** Names `SourceValue.value` objects by their JavaScript property keys, which are always strings. */
export const javascriptKeyName: KeyName = (key) => (key.type === 'str' ? key.text : '');

/** Value texts longer than this are not searched for a self-reference (see `buildsOnItself`). */
const SELF_REFERENCE_SCAN = 10_000;

export abstract class StatementRunner {
  readonly bindings = new Map<string, Binding>();

  constructor(
    readonly ctx: ExtractionContext,
    private readonly keyName: KeyName,
  ) {}

  abstract text(node: { from: number; to: number }): string;

  /** Returns the variable name a name node binds or reads; a language may normalize its spelling. */
  nameOf(node: { from: number; to: number }): string {
    return this.text(node);
  }
  abstract evaluate(node: SyntaxNode, depth: number): Value;
  /** Returns `left + right` with the language's semantics. */
  protected abstract add(left: Value, right: Value, node: SyntaxNode): Value;
  /** Returns whether `left + right` only appends the text of `right` to the string `left`. */
  protected abstract appendsTo(left: StrValue, right: Value): boolean;
  /** Appends the text that `+` appends for `right` (its own text, or `str()` or `String()` of it). */
  protected abstract appendText(builder: TextBuilder, right: Value): void;

  tryEvaluate(node: SyntaxNode): Value | Unreadable {
    try {
      return this.evaluate(node, 0);
    } catch (error) {
      if (error instanceof Unreadable) return error;
      throw error;
    }
  }

  protected checkDepth(node: SyntaxNode, depth: number): void {
    if (depth > MAX_DEPTH) {
      throw new Unreadable('LIMIT_EXCEEDED', node.from, node.to, { limit: 'nesting', maximum: MAX_DEPTH });
    }
  }

  /** Returns the operator text of a binary expression, its second child. */
  protected operatorOf(node: SyntaxNode): string | undefined {
    const operator = node.firstChild?.nextSibling;
    return operator ? this.text(operator) : undefined;
  }

  /** Evaluates `a + b + ...`, walking the left-nested chain without recursion; other operators throw. */
  protected evaluatePlusChain(node: SyntaxNode, depth: number): Value {
    const op = this.operatorOf(node) ?? '?';
    if (op !== '+') throw notStatic('operator', node.firstChild?.nextSibling ?? node, { operator: op });

    const operands = flattenChain(node, (link) => link.name === 'BinaryExpression' && this.operatorOf(link) === '+');
    let result = this.evaluate(operands[0] ?? node, depth + 1);
    // A run of appends to a string goes into one builder, so a long chain is not copied over and over.
    // Such a run lasts to the end of the chain unless an error ends it, so it ends where the chain does.
    let run: TextBuilder | undefined;
    const closeRun = (text: StrValue): StrValue => {
      const built: StrValue = { type: 'str', ...(run?.build(node.to) ?? text), start: text.start, end: node.to };
      if (text.bytes) built.bytes = true;
      run = undefined;
      return built;
    };
    for (const operand of operands.slice(1)) {
      const right = this.evaluate(operand, depth + 1);
      if (result.type === 'str' && this.appendsTo(result, right)) {
        if (!run) {
          run = new TextBuilder(this.ctx.budget, node, node.to - node.from);
          run.pushValue(result);
        }
        this.appendText(run, right);
        continue;
      }
      if (run && result.type === 'str') result = closeRun(result);
      result = this.add(result, right, node);
    }
    if (run && result.type === 'str') result = closeRun(result);
    return relocated(result, node);
  }

  /** Marks the variable at the root of `a.b[c]` as changed by the code, when it contains a list or dict. */
  protected markMutated(node: SyntaxNode): void {
    let root: SyntaxNode | null = node;
    while (root && root.name === 'MemberExpression') root = root.firstChild;
    if (root?.name !== 'VariableName') return;

    const binding = this.bindings.get(this.nameOf(root));
    if (binding?.kind !== 'value' || (binding.value.type !== 'list' && binding.value.type !== 'dict')) return;
    this.bindUnreadable(root, notStatic('mutated', node), undefined, 'extend');
  }

  /**
   * Evaluates `value.strip()` (Python) or `value.trim()` (JavaScript) and their
   * one-sided forms, which only remove whitespace. Returns undefined unless
   * `callee` is such a method of a string and `args` is empty.
   */
  protected evaluateTrim(
    callee: SyntaxNode,
    args: SyntaxNode,
    depth: number,
    methods: Record<string, 'both' | 'start' | 'end'>,
    whitespace: RegExp,
  ): StrValue | undefined {
    if (callee.name !== 'MemberExpression' || operandsOf(args).length > 0) return undefined;
    const [object, dot, property] = childrenOf(callee);
    const side = property ? methods[this.text(property)] : undefined;
    if (!object || dot?.name !== '.' || !side) return undefined;

    const value = this.evaluate(object, depth + 1);
    if (value.type !== 'str' || value.bytes) return undefined;
    let from = 0;
    let to = value.text.length;
    if (side !== 'end') while (from < to && whitespace.test(value.text[from] ?? '')) from += 1;
    if (side !== 'start') while (to > from && whitespace.test(value.text[to - 1] ?? '')) to -= 1;
    const builder = new TextBuilder(this.ctx.budget, value);
    builder.pushSlice(value, from, to);
    return { type: 'str', ...builder.build(value.end), start: value.start, end: value.end };
  }

  /** Binds `target` to the value of the expression nodes `valueNodes`, already evaluated. */
  bindNode(target: SyntaxNode, valueNodes: readonly SyntaxNode[], value: Value | Unreadable): void {
    const first = valueNodes[0];
    const last = valueNodes[valueNodes.length - 1];
    const span = { start: first?.from ?? target.to, end: last?.to ?? target.to };
    const mode = this.buildsOnItself(this.nameOf(target), span) ? 'extend' : 'replace';
    this.bindResult(target, value, mode, span);
  }

  /** Binds `target` to a value, or records why it cannot be read. */
  bindResult(
    target: SyntaxNode,
    value: Value | Unreadable,
    mode: AssignMode = 'replace',
    span?: { start: number; end: number },
  ): void {
    if (value instanceof Unreadable) this.bindUnreadable(target, value, span, mode);
    else this.bindValue(target, value, mode);
  }

  /** Binds `target` to `value`. A name with an error node inside ("x)" in `x) = 1`) is no assignment. */
  bindValue(target: SyntaxNode, value: Value, mode: AssignMode = 'replace'): void {
    if (target.firstChild) return;
    let source: SourceValue;
    try {
      source = toSourceValue(value, this.keyName, this.ctx.budget);
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
      return this.bindUnreadable(target, error, value, mode);
    }
    const name = this.nameOf(target);
    this.bindings.set(name, { kind: 'value', value });
    this.ctx.assign(name, target.from, source, mode);
  }

  /**
   * Records that `target` is assigned a value that cannot be read, with a
   * finding that explains why. A bare undefined name becomes a `reference`.
   */
  bindUnreadable(
    target: SyntaxNode,
    reason: Unreadable,
    span?: { start: number; end: number },
    mode: AssignMode = 'replace',
  ): void {
    if (target.firstChild) return;
    this.bindUnreadableName(this.nameOf(target), target.from, reason, span, mode);
  }

  /** Records that the variable `name`, assigned at offset `at`, has a value that cannot be read. */
  bindUnreadableName(
    name: string,
    at: number,
    reason: Unreadable,
    span?: { start: number; end: number },
    mode: AssignMode = 'replace',
  ): void {
    const where = span ?? { start: reason.start, end: reason.end };
    const bare = reason.code === 'UNDEFINED_NAME' && reason.start === where.start && reason.end === where.end;
    const value: SourceValue = bare
      ? { kind: 'reference', value: reason.data.name, ...where }
      : { kind: 'unreadable', ...where };
    this.bindings.set(name, { kind: 'unknown', reason });
    this.ctx.assign(name, at, value, mode);
    this.ctx.reportUnreadable(reason, name);
  }

  /**
   * Binds a name to something only the running code has, such as a function
   * or a module, without making it an assignment. A variable assigned before
   * loses its value, with a finding at `target`, because the program ends
   * with the new binding. Function bodies do not run here. Where the code
   * uses a function that assigns top-level variables, the evaluators make
   * those variables unreadable.
   */
  bindUnknown(target: SyntaxNode, reason: Unreadable, binding: Binding = { kind: 'unknown', reason }): void {
    const name = this.nameOf(target);
    if (this.ctx.assignments.has(name)) this.bindUnreadable(target, reason);
    this.bindings.set(name, binding);
  }

  remove(name: string): void {
    this.bindings.delete(name);
    this.ctx.remove(name);
  }

  /** Returns the value bound to `name`, or throws why it cannot be read. */
  lookupBinding(name: string, node: { from: number; to: number }, binding: Binding | undefined): Value {
    if (!binding) throw new Unreadable('UNDEFINED_NAME', node.from, node.to, { name });
    if (binding.kind === 'value') return binding.value;
    if (binding.kind === 'unknown' && binding.reason.code === 'UNDEFINED_NAME') {
      throw new Unreadable('UNDEFINED_NAME', node.from, node.to, { name: binding.reason.data.name });
    }
    throw notStatic(binding.kind === 'unknown' ? 'depends' : 'import', node, { name });
  }

  /**
   * Returns whether the value text names the target itself, as in
   * `x = x + "..."`. Such a line extends the value on purpose, so it is no
   * REASSIGNED case.
   * A textual check suffices for that suggestion.
   */
  private buildsOnItself(name: string, span: { start: number; end: number }): boolean {
    if (!name || span.end - span.start > SELF_REFERENCE_SCAN) return false;
    const code = this.ctx.code;
    for (let at = code.indexOf(name, span.start); at !== -1 && at + name.length <= span.end; at = code.indexOf(name, at + 1)) {
      const before = at > span.start ? code[at - 1] ?? '' : '';
      const after = at + name.length < span.end ? code[at + name.length] ?? '' : '';
      if (!IDENTIFIER_CHARACTER.test(before) && !IDENTIFIER_CHARACTER.test(after)) return true;
    }
    return false;
  }
}

const IDENTIFIER_CHARACTER = /[\w$]/;
