/**
 * Static evaluation of a Python module's top-level assignments, on the
 * Lezer Python syntax tree. Statements run in order, as the interpreter
 * would run them, but only literal values and the few operations on them
 * listed in `PythonEvaluator.evaluate` are computed.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import type { ExtractionContext } from './context.ts';
import { evaluateJsonDumps } from './python-json.ts';
import {
  PYTHON_WHITESPACE,
  decodePythonBody,
  pythonRepr,
  pythonStr,
  pythonTypeName,
  readPythonLiteral,
  textAt,
} from './python-text.ts';
import {
  childrenOf,
  excerpt,
  operandsOf,
  parseCode,
  rejectErrorNode,
  reportSyntaxErrors,
} from './lezer.ts';
import { pythonKeyName, type Binding, StatementRunner } from './statements.ts';
import {
  TextBuilder,
  Unreadable,
  makeDict,
  literalSpan,
  makeList,
  notStatic,
  relocated,
  type DictEntry,
  type NumValue,
  type StrValue,
  type Value,
} from './values.ts';

export function extractPython(ctx: ExtractionContext): void {
  const tree = parseCode(parser, ctx);
  reportSyntaxErrors(tree, ctx);
  new PythonEvaluator(ctx).runModule(tree.topNode);
}

/** Compound statements whose bodies may or may not run, with the reason their assignments are unknown. */
const COMPOUND_REASONS = {
  IfStatement: 'conditional',
  MatchStatement: 'conditional',
  ForStatement: 'loop',
  WhileStatement: 'loop',
  TryStatement: 'exception',
} as const;

type CompoundReason = (typeof COMPOUND_REASONS)[keyof typeof COMPOUND_REASONS];

/** Statements whose `:=` targets are bound by the code that runs their parts, not by `runStatement`. */
const WALRUS_SCANNED_ELSEWHERE = new Set([
  'StatementGroup',
  'FunctionDefinition',
  'ClassDefinition',
  'DecoratedStatement',
  'WithStatement',
  ...Object.keys(COMPOUND_REASONS),
]);

/** Nodes whose bodies bind names in a scope of their own, not at the top level. */
const OWN_SCOPE = new Set(['FunctionDefinition', 'ClassDefinition', 'LambdaExpression']);

/**
 * Nodes between a statement and a `:=` in it that run exactly once and in
 * source order, so the target can take the value: `(x := "a")`, `f(x := "a")`,
 * `y = (x := "a")`. A comprehension, a conditional expression or `and`/`or`
 * may run it any number of times, or not at all.
 */
const RUNS_ONCE = new Set(['ParenthesizedExpression', 'NamedExpression', 'ArgList', 'CallExpression']);

/** `str.strip()` and its one-sided forms, without arguments, remove whitespace only. */
const STRIP_METHODS = { strip: 'both', lstrip: 'start', rstrip: 'end' } as const;

const CALL_REASONS: Record<string, 'input' | 'file' | 'environment'> = {
  input: 'input',
  open: 'file',
  getenv: 'environment',
  read: 'file',
  read_text: 'file',
  readlines: 'file',
  load: 'file',
};

class PythonEvaluator extends StatementRunner {
  /** Functions whose bodies declare names `global`, with those names and the offset of the definition. */
  private readonly globalWriters = new Map<string, { names: ReadonlySet<string>; definition: number }>();
  /** Offset of the first `:=` at or after `walrusFrom`, or -1. Statements run in source order, so the search moves forward. */
  private nextWalrus: number;
  private walrusFrom = 0;

  constructor(ctx: ExtractionContext) {
    super(ctx, pythonKeyName);
    this.nextWalrus = ctx.code.indexOf(':=');
  }

  /** Python reads identifiers in NFKC form, so `ｒole_name` and `role_name` are one variable. */
  override nameOf(node: { from: number; to: number }): string {
    const text = this.text(node);
    return NON_ASCII.test(text) ? text.normalize('NFKC') : text;
  }

  runModule(script: SyntaxNode): void {
    for (const statement of childrenOf(script)) this.runStatement(statement);
  }

  private runStatement(node: SyntaxNode): void {
    if (this.globalWriters.size > 0 && !this.runsInParts(node)) this.runGlobalWriterCalls(node);
    if (!WALRUS_SCANNED_ELSEWHERE.has(node.name) && this.containsWalrus(node)) this.bindWalrusTargets(node);
    switch (node.name) {
      case 'StatementGroup':
        // Simple statements on one line, separated by `;`.
        for (const statement of childrenOf(node)) this.runStatement(statement);
        return;
      case 'AssignStatement':
        return this.runAssign(node);
      case 'UpdateStatement':
        return this.runUpdate(node);
      case 'ExpressionStatement':
        return this.runExpressionStatement(node);
      case 'ImportStatement':
        return this.runImport(node);
      case 'FunctionDefinition':
      case 'ClassDefinition':
        return this.bindDefinition(node);
      case 'DecoratedStatement': {
        const definition = node.lastChild;
        return definition ? this.bindDefinition(definition) : undefined;
      }
      case 'DeleteStatement':
        for (const target of operandsOf(node)) if (target.name === 'VariableName') this.remove(this.nameOf(target));
        return;
      case 'TypeDefinition':
        return this.bindTypeAlias(node);
      case 'WithStatement':
        return this.runWith(node);
      case 'IfStatement':
        if (this.isMainGuard(node)) return this.runMainGuard(node);
        return this.runCompound(node, 'conditional');
      default: {
        const reason = COMPOUND_REASONS[node.name as keyof typeof COMPOUND_REASONS];
        if (reason) this.runCompound(node, reason);
      }
    }
  }

  private runAssign(node: SyntaxNode): void {
    const groups: SyntaxNode[][] = [[]];
    for (const child of childrenOf(node)) {
      if (child.name === 'AssignOp') groups.push([]);
      else if (child.name !== 'TypeDef' && child.name !== ',') groups[groups.length - 1]?.push(child);
    }
    if (groups.length < 2) return;

    const valueNodes = groups.pop() ?? [];
    const targets = groups;
    const value = this.evaluateGroup(valueNodes, node);
    for (const target of targets) this.assignTarget(target, valueNodes, value);
  }

  /** Evaluates the right side of `=`: one expression, or several that form a tuple. */
  private evaluateGroup(nodes: SyntaxNode[], statement: SyntaxNode): Value | Unreadable {
    const first = nodes[0];
    const last = nodes[nodes.length - 1];
    if (!first || !last) return new Unreadable('SYNTAX_ERROR', statement.to, statement.to, {});
    try {
      if (nodes.length === 1 && this.hasNoTrailingComma(statement, last)) return this.evaluate(first, 0);
      const items = nodes.map((item) => this.evaluate(item, 1));
      return makeList(items, { start: first.from, end: last.to }, this.ctx.budget, true);
    } catch (error) {
      if (error instanceof Unreadable) return error;
      throw error;
    }
  }

  private hasNoTrailingComma(statement: SyntaxNode, last: SyntaxNode): boolean {
    return statement.lastChild?.name !== ',' || statement.lastChild.from < last.from;
  }

  private assignTarget(target: SyntaxNode[], valueNodes: SyntaxNode[], value: Value | Unreadable): void {
    const [single] = target;
    if (target.length === 1 && single?.name === 'VariableName') {
      return this.bindNode(single, valueNodes, value);
    }
    if (target.length === 1 && single && (single.name === 'TupleExpression' || single.name === 'ArrayExpression')) {
      return this.assignTarget(operandsOf(single), valueNodes, value);
    }
    if (target.length === 1 && single?.name === 'MemberExpression') {
      if (!this.assignNamespaceItem(single)) this.markMutated(single);
      return;
    }
    this.unpack(target, value);
  }

  /** Binds each name of a tuple assignment, `a, b = "x", "y"`, to the item at its position. */
  private unpack(targets: SyntaxNode[], value: Value | Unreadable): void {
    const names = targets.filter((target) => target.name === 'VariableName');
    const starred = targets.some((target) => target.name === '*' || target.name !== 'VariableName');
    if (value instanceof Unreadable || starred || value.type !== 'list') {
      const reason = value instanceof Unreadable ? value : notStatic('unpacking', spanOf(targets));
      for (const name of names) this.bindUnreadable(name, reason);
      return;
    }
    if (value.items.length !== names.length) {
      const error = new Unreadable('RUNTIME_ERROR', value.start, value.end, {
        error: 'ValueError',
        detail: 'unpack',
        names: names.length,
        values: value.items.length,
      });
      for (const name of names) this.bindUnreadable(name, error);
      return;
    }
    names.forEach((name, index) => {
      const item = value.items[index];
      if (item) this.bindValue(name, item);
    });
  }

  private runUpdate(node: SyntaxNode): void {
    const [target, operator, valueNode] = childrenOf(node);
    if (!target || !operator || !valueNode) return;
    if (target.name !== 'VariableName') return this.markMutated(target);

    const name = this.nameOf(target);
    let value: Value | Unreadable;
    try {
      if (this.text(operator) !== '+=') throw notStatic('operator', operator, { operator: this.text(operator) });
      const current = this.lookup(name, target);
      value = this.add(relocated(current, target), this.evaluate(valueNode, 0), node);
      value = relocated(value, { start: target.from, end: node.to });
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
      value = error;
    }
    this.bindResult(target, value, 'extend');
  }

  /** Marks variables that a method call may change, such as `policy["Statement"].append(...)`. */
  private runExpressionStatement(node: SyntaxNode): void {
    const call = node.firstChild;
    if (call?.name !== 'CallExpression') return;
    const callee = call.firstChild;
    const namespace = callee?.name === 'MemberExpression' && this.isNamespace(callee.firstChild);
    if (namespace || (callee?.name === 'VariableName' && this.isBuiltin(callee, 'exec'))) return this.unreadAll(call);
    if (callee?.name === 'MemberExpression') this.markMutated(callee);
  }

  /** Returns whether `node` is `globals()`, `vars()` or `locals()`, which at the top level return the module's variables. */
  private isNamespace(node: SyntaxNode | null): boolean {
    const callee = node?.name === 'CallExpression' ? node.firstChild : null;
    if (callee?.name !== 'VariableName' || node?.lastChild?.name !== 'ArgList') return false;
    if (operandsOf(node.lastChild).length > 0) return false;
    return NAMESPACE_FUNCTIONS.has(this.text(callee)) && this.isBuiltin(callee, this.text(callee));
  }

  private isBuiltin(node: SyntaxNode, name: string): boolean {
    return this.text(node) === name && !this.bindings.has(name);
  }

  /**
   * Runs `globals()["name"] = value`, which sets the variable: it becomes
   * unreadable, or every variable does when the key is not a string literal.
   * Returns whether `target` is such an item.
   */
  private assignNamespaceItem(target: SyntaxNode): boolean {
    const [object, bracket, key] = childrenOf(target);
    if (!this.isNamespace(object ?? null) || bracket?.name !== '[' || !key) return false;
    const name = key.name === 'String' ? this.tryEvaluate(key) : undefined;
    if (name === undefined || name instanceof Unreadable || name.type !== 'str' || name.bytes) {
      this.unreadAll(target);
      return true;
    }
    this.bindUnreadableName(name.text, key.from, notStatic('global-object', target));
    return true;
  }

  /** Makes every variable unreadable at `node`, such as `exec(...)` or `globals().update(...)`, which may set any of them. */
  private unreadAll(node: SyntaxNode): void {
    const reason = notStatic('global-object', node);
    for (const name of [...this.ctx.assignments.keys()]) this.bindUnreadableName(name, node.from, reason);
  }

  // NOTE: `from module import *` binds names only the module lists, so a variable it rebinds
  // keeps the value read before it.
  private runImport(node: SyntaxNode): void {
    const children = childrenOf(node);
    const fromModule = children[0]?.name === 'from' ? this.text(children[1] ?? node) : undefined;
    const importAt = children.findIndex((child) => child.name === 'import');
    // Each group is one imported name, `a.b` or `a.b as c`.
    const groups: { names: SyntaxNode[]; alias?: SyntaxNode }[] = [{ names: [] }];
    let aliasNext = false;
    for (const child of children.slice(importAt + 1)) {
      const group = groups[groups.length - 1];
      if (child.name === ',') groups.push({ names: [] });
      else if (child.name === 'as') aliasNext = true;
      else if (child.name === 'VariableName' && group) {
        if (aliasNext) group.alias = child;
        else group.names.push(child);
        aliasNext = false;
      }
    }
    for (const group of groups) {
      const [first] = group.names;
      const bound = group.alias ?? first;
      if (first && bound) this.bindImport(bound, fromModule, this.text(first));
    }
  }

  private bindImport(node: SyntaxNode, fromModule: string | undefined, imported: string): void {
    const reason = notStatic('import', node);
    if (fromModule === undefined && imported === 'json') this.bindUnknown(node, reason, { kind: 'json' });
    else if (fromModule === 'json' && imported === 'dumps') this.bindUnknown(node, reason, { kind: 'json.dumps' });
    else this.bindUnknown(node, reason);
  }

  private bindDefinition(node: SyntaxNode): void {
    const name = childrenOf(node).find((child) => child.name === 'VariableName');
    if (!name) return;
    this.bindUnknown(name, notStatic(node.name === 'ClassDefinition' ? 'class' : 'function', name));
    if (node.name !== 'FunctionDefinition') return;

    const globals = this.globalNames(node);
    if (globals.size > 0) this.globalWriters.set(this.nameOf(name), { names: globals, definition: node.from });
    else this.globalWriters.delete(this.nameOf(name));
  }

  /** Returns whether `runStatement` runs the statements inside `node` one by one, so they are scanned there. */
  private runsInParts(node: SyntaxNode): boolean {
    if (node.name === 'StatementGroup' || node.name === 'WithStatement') return true;
    return node.name === 'IfStatement' && this.isMainGuard(node);
  }

  /** Returns the names that `global` statements in a function, or in functions nested in it, declare. */
  private globalNames(definition: SyntaxNode): Set<string> {
    const names = new Set<string>();
    if (!this.ctx.code.slice(definition.from, definition.to).includes('global')) return names;
    const stack = [definition];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.name === 'ScopeStatement' && node.firstChild?.name === 'global') {
        for (const child of childrenOf(node)) if (child.name === 'VariableName') names.add(this.nameOf(child));
        continue;
      }
      for (let child = node.lastChild; child; child = child.prevSibling) stack.push(child);
    }
    return names;
  }

  /**
   * Marks the names that a function with `global` may assign as unreadable
   * where a statement calls it or passes it on, because calls are not
   * followed. Any use of the function's name counts.
   */
  private runGlobalWriterCalls(statement: SyntaxNode): void {
    const stack = [statement];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.name === 'VariableName') {
        const writer = this.globalWriters.get(this.nameOf(node));
        const isDefinitionName = node.parent?.name === 'FunctionDefinition' && node.parent.from === writer?.definition;
        if (writer && !isDefinitionName) this.bindGlobalWrites(node, writer.names);
        continue;
      }
      for (let child = node.lastChild; child; child = child.prevSibling) stack.push(child);
    }
  }

  private bindGlobalWrites(use: SyntaxNode, names: ReadonlySet<string>): void {
    const reason = notStatic('call', use, { callee: `${this.text(use)}()` });
    for (const name of names) this.bindUnreadableName(name, use.from, reason);
  }

  /** Binds the name of `type X = ...`, a `TypeAliasType` object when the code runs. */
  private bindTypeAlias(node: SyntaxNode): void {
    const name = childrenOf(node).find((child) => child.name === 'VariableName');
    if (name) this.bindUnknown(name, notStatic('type-alias', name));
  }

  /** Runs a `with` body in order, because it runs exactly once; `as` names are unknown. */
  private runWith(node: SyntaxNode): void {
    const children = childrenOf(node);
    children.forEach((child, index) => {
      if (child.name !== 'Body' && this.globalWriters.size > 0) this.runGlobalWriterCalls(child);
      if (child.name !== 'Body' && this.containsWalrus(child)) this.bindWalrusTargets(child);
      if (child.name !== 'as') return;
      for (const target of this.targetNames(children[index + 1] ?? child)) {
        if (target.name === 'MemberExpression') this.markMutated(target);
        else this.bindUnknown(target, notStatic('with', target));
      }
    });
    const body = children.find((child) => child.name === 'Body');
    if (body) for (const statement of childrenOf(body)) this.runStatement(statement);
  }

  /** Returns whether `node` is `if __name__ == "__main__":`, whose body runs when the file runs as a script. */
  private isMainGuard(node: SyntaxNode): boolean {
    const condition = node.firstChild?.nextSibling;
    if (condition?.name !== 'BinaryExpression') return false;
    const text = this.text(condition).replace(/\s+/g, '');
    return /^__name__==(['"])__main__\1$/.test(text) || /^(['"])__main__\1==__name__$/.test(text);
  }

  /** Runs the body of the `__main__` guard; its `elif` and `else` bodies never run then. */
  private runMainGuard(node: SyntaxNode): void {
    const main = childrenOf(node).find((child) => child.name === 'Body');
    if (main) for (const statement of childrenOf(main)) this.runStatement(statement);
  }

  private runCompound(node: SyntaxNode, reason: CompoundReason): void {
    if (this.containsWalrus(node)) this.bindWalrusTargets(node, reason);
    this.markAssignedIn(node, reason);
  }

  /** Returns whether the source of `node` contains `:=`; calls come in source order, so one scan serves them all. */
  private containsWalrus(node: SyntaxNode): boolean {
    if (node.from < this.walrusFrom) this.nextWalrus = this.ctx.code.indexOf(':=', node.from);
    else if (this.nextWalrus !== -1 && this.nextWalrus < node.from) this.nextWalrus = this.ctx.code.indexOf(':=', node.from);
    this.walrusFrom = node.from;
    return this.nextWalrus !== -1 && this.nextWalrus < node.to;
  }

  /**
   * Binds the targets of `:=` in `root`, which bind top-level names even
   * inside a comprehension. A target whose expression runs once and in order
   * (see `RUNS_ONCE`) takes its value; any other, and every target under a
   * compound statement's `reason`, becomes unreadable.
   */
  private bindWalrusTargets(root: SyntaxNode, reason?: CompoundReason): void {
    const stack = [root];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (OWN_SCOPE.has(node.name)) continue;
      if (node.name === 'AssignOp' && this.text(node) === ':=') this.bindWalrus(node, root, reason);
      for (let child = node.lastChild; child; child = child.prevSibling) stack.push(child);
    }
  }

  private bindWalrus(operator: SyntaxNode, root: SyntaxNode, reason: CompoundReason | undefined): void {
    const target = operator.prevSibling;
    const valueNode = operator.nextSibling;
    if (target?.name !== 'VariableName' || !valueNode) return;
    if (reason || !this.runsOnce(operator, root)) {
      this.bindUnreadable(target, notStatic(reason ?? 'nested-assignment', target));
      return;
    }
    this.bindNode(target, [valueNode], this.tryEvaluate(valueNode));
  }

  /** Returns whether every node from `node` up to the statement `root` runs exactly once, in order. */
  private runsOnce(node: SyntaxNode, root: SyntaxNode): boolean {
    for (let current = node.parent; current; current = current.parent) {
      if (current.from === root.from && current.to === root.to && current.name === root.name) return true;
      if (!RUNS_ONCE.has(current.name)) return false;
    }
    return false;
  }

  /**
   * Marks every name that `node` may assign as unknown, and every list or
   * dict it may change, walking nested blocks with a stack. Functions,
   * classes and imports inside are bound as they are at the top level,
   * because their own bodies do not run here.
   */
  private markAssignedIn(node: SyntaxNode, reason: CompoundReason): void {
    const stack: SyntaxNode[] = [node];
    for (let current = stack.pop(); current; current = stack.pop()) {
      if (current.name === 'FunctionDefinition' || current.name === 'ClassDefinition') {
        this.bindDefinition(current);
        continue;
      }
      if (current.name === 'DecoratedStatement') {
        if (current.lastChild) this.bindDefinition(current.lastChild);
        continue;
      }
      if (current.name === 'TypeDefinition') {
        this.bindTypeAlias(current);
        continue;
      }
      if (current.name === 'ImportStatement') {
        this.runImport(current);
        continue;
      }
      if (current.name === 'ExpressionStatement') this.runExpressionStatement(current);
      for (const target of this.assignedNames(current)) {
        if (target.name === 'MemberExpression') this.markMutated(target);
        else this.bindUnreadable(target, notStatic(reason, target));
      }
      for (const child of childrenOf(current)) {
        if (child.name.endsWith('Statement') || NESTED_BLOCKS.has(child.name)) {
          stack.push(child);
        }
      }
    }
  }

  /**
   * Returns the targets that a statement binds or deletes directly: names,
   * such as `x` in `x = ...`, `for x in ...`, `with ... as x`, `except E as x`,
   * `case x:` and `del x`, and members, such as `p["k"]` in `p["k"] = 1`.
   */
  private assignedNames(node: SyntaxNode): SyntaxNode[] {
    const children = childrenOf(node);
    switch (node.name) {
      case 'AssignStatement': {
        const lastOp = children.map((child) => child.name).lastIndexOf('AssignOp');
        return children.slice(0, Math.max(0, lastOp)).flatMap((child) => this.targetNames(child));
      }
      case 'UpdateStatement':
        return children.slice(0, 1).flatMap((child) => this.targetNames(child));
      case 'ForStatement': {
        const inAt = children.findIndex((child) => child.name === 'in');
        return children.slice(1, Math.max(1, inAt)).flatMap((child) => this.targetNames(child));
      }
      case 'WithStatement':
      case 'TryStatement':
        return children.flatMap((child, index) =>
          child.name === 'as' && children[index + 1] ? this.targetNames(children[index + 1] as SyntaxNode) : [],
        );
      case 'DeleteStatement':
        return operandsOf(node).flatMap((child) => this.targetNames(child));
      case 'MatchClause':
        return capturedNames(node).filter((name) => this.text(name) !== '_');
      default:
        return [];
    }
  }

  private targetNames(node: SyntaxNode): SyntaxNode[] {
    if (node.name === 'VariableName' || node.name === 'MemberExpression') return [node];
    if (node.name === 'TupleExpression' || node.name === 'ArrayExpression') {
      return operandsOf(node).filter((child) => child.name === 'VariableName');
    }
    return [];
  }

  /** Evaluates an expression, or throws `Unreadable` saying why it cannot be read. */
  evaluate(node: SyntaxNode, depth: number): Value {
    rejectErrorNode(node);
    this.checkDepth(node, depth);
    switch (node.name) {
      case 'String':
        return this.evaluateString(node);
      case 'FormatString':
        return this.evaluateFormatString(node, depth);
      case 'ContinuedString':
        return this.concatenateLiterals(node, depth);
      case 'Number':
        return this.evaluateNumber(node);
      case 'Boolean':
        return { type: 'bool', value: this.text(node) === 'True', start: node.from, end: node.to };
      case 'None':
        return { type: 'null', start: node.from, end: node.to };
      case 'VariableName':
        return relocated(this.lookup(this.nameOf(node), node), node);
      case 'ParenthesizedExpression':
        return this.evaluateParenthesized(node, depth);
      case 'TupleExpression':
      case 'ArrayExpression':
        return this.evaluateSequence(node, depth);
      case 'DictionaryExpression':
        return this.evaluateDict(node, depth);
      case 'BinaryExpression':
        return this.evaluatePlusChain(node, depth);
      case 'UnaryExpression':
        return this.evaluateUnary(node, depth);
      case 'CallExpression':
        return this.evaluateCall(node, depth);
      case 'MemberExpression':
        throw notStatic(this.isEnvironment(node) ? 'environment' : 'member', node);
      case 'ArrayComprehensionExpression':
      case 'DictionaryComprehensionExpression':
      case 'SetComprehensionExpression':
      case 'ComprehensionExpression':
        throw notStatic('comprehension', node);
      case 'LambdaExpression':
        throw notStatic('function', node);
      default:
        throw notStatic('expression', node, { text: excerpt(this.ctx.code, node) });
    }
  }

  private evaluateString(node: SyntaxNode): StrValue {
    const literal = readPythonLiteral(this.ctx.code, node.from, node.to);
    const body = this.ctx.code.slice(literal.bodyStart, literal.bodyEnd);
    const span = { start: node.from, end: node.to };
    let value: StrValue;
    if ((literal.raw || !body.includes('\\')) && !body.includes('\r') && !(literal.bytes && /[^\0-\x7f]/.test(body))) {
      // Most literals have nothing to decode: their text is the source text.
      value = literalSpan(body, literal.bodyStart, span, this.ctx.budget);
    } else {
      const builder = new TextBuilder(this.ctx.budget, node, body.length);
      decodePythonBody(this.ctx.code, literal.bodyStart, literal.bodyEnd, literal, builder);
      value = { type: 'str', ...builder.build(node.to), ...span };
    }
    value.quote = literal.prefix + literal.quote;
    if (literal.bytes) value.bytes = true;
    return value;
  }

  /** Evaluates an f-string: literal parts decoded, `{expr!conversion}` fields evaluated and converted with str(). */
  private evaluateFormatString(node: SyntaxNode, depth: number): StrValue {
    const code = this.ctx.code;
    const literal = readPythonLiteral(code, node.from, node.to);
    const builder = new TextBuilder(this.ctx.budget, node, node.to - node.from);
    let position = literal.bodyStart;
    for (const field of childrenOf(node)) {
      if (field.name !== 'FormatReplacement') continue;
      decodePythonBody(code, position, field.from, literal, builder);
      this.appendField(field, depth, builder);
      position = field.to;
    }
    decodePythonBody(code, position, literal.bodyEnd, literal, builder);
    return { type: 'str', ...builder.build(node.to), start: node.from, end: node.to, quote: literal.prefix + literal.quote };
  }

  private appendField(field: SyntaxNode, depth: number, builder: TextBuilder): void {
    const parts = childrenOf(field);
    const expression = parts.find((part) => !['{', '}', 'FormatConversion', 'FormatSpec', 'FormatSelfDoc'].includes(part.name));
    if (!expression || field.lastChild?.name !== '}') throw new Unreadable('SYNTAX_ERROR', field.from, field.to, {});

    const spec = parts.find((part) => part.name === 'FormatSpec');
    if (spec && spec.to - spec.from > 1) throw notStatic('format-spec', spec);
    const selfDoc = parts.find((part) => part.name === 'FormatSelfDoc');
    const conversion = parts.find((part) => part.name === 'FormatConversion');
    const value = this.evaluate(expression, depth + 1);
    if (selfDoc) builder.push(this.ctx.code.slice(field.from + 1, selfDoc.to), field.from + 1, true);

    // `{x=}` prints repr(x) unless a conversion or format spec is given.
    let form = selfDoc && !spec ? 'r' : 's';
    if (conversion) form = this.text(conversion).slice(1);
    if (form === 's' && value.type === 'str' && !value.bytes) return builder.pushValue(value);
    if (form !== 's' && form !== 'r') throw notStatic('format-spec', conversion ?? field);
    builder.push(form === 'r' ? pythonRepr(value) : pythonStr(value), value.start);
  }

  /** Joins adjacent literals (`"a" "b"`), which Python does at compile time. */
  private concatenateLiterals(node: SyntaxNode, depth: number): StrValue {
    const parts = childrenOf(node).map((part) => this.evaluate(part, depth + 1));
    const builder = new TextBuilder(this.ctx.budget, node, node.to - node.from);
    const bytes = parts[0]?.type === 'str' && parts[0].bytes === true;
    for (const part of parts) {
      if (part.type !== 'str') throw new Unreadable('SYNTAX_ERROR', part.start, part.end, {});
      if ((part.bytes === true) !== bytes) {
        throw new Unreadable('RUNTIME_ERROR', part.start, part.end, { error: 'SyntaxError', detail: 'mixed-bytes' });
      }
      builder.pushValue(part);
    }
    const value: StrValue = { type: 'str', ...builder.build(node.to), start: node.from, end: node.to };
    if (bytes) value.bytes = true;
    return value;
  }

  private evaluateNumber(node: SyntaxNode): NumValue {
    const text = this.text(node).replace(/_/g, '');
    const span = { start: node.from, end: node.to };
    if (/[jJ]$/.test(text)) throw notStatic('expression', node, { text });
    if (/^0[xXoObB]/.test(text) || /^\d+$/.test(text)) {
      const pythonInt = BigInt(/^0\d/.test(text) ? text.replace(/^0+/, '') || '0' : text);
      return { type: 'num', value: Number(pythonInt), pythonInt, ...span };
    }
    return { type: 'num', value: Number(text), pythonFloat: true, ...span };
  }

  private evaluateParenthesized(node: SyntaxNode, depth: number): Value {
    const inner = operandsOf(node);
    const [only] = inner;
    if (inner.length !== 1 || !only) throw new Unreadable('SYNTAX_ERROR', node.from, node.to, {});
    // `(x := value)` has the value; the statement's walrus scan has bound x to it.
    if (only.name === 'NamedExpression') return relocated(this.evaluate(only.lastChild ?? only, depth + 1), node);
    return relocated(this.evaluate(only, depth + 1), node);
  }

  private evaluateSequence(node: SyntaxNode, depth: number): Value {
    const items: Value[] = [];
    for (const child of operandsOf(node)) {
      if (child.name === '*') throw notStatic('unpacking', child);
      items.push(this.evaluate(child, depth + 1));
    }
    return makeList(items, { start: node.from, end: node.to }, this.ctx.budget, node.name === 'TupleExpression');
  }

  /** Evaluates `{key: value, **other}`; a repeated key keeps its first position and takes the last value. */
  private evaluateDict(node: SyntaxNode, depth: number): Value {
    const entries: DictEntry[] = [];
    const index = new Map<string, number>();
    const put = (entry: DictEntry): void => {
      const identity = pythonKeyIdentity(entry.key);
      const at = index.get(identity);
      if (at === undefined) {
        index.set(identity, entries.length);
        entries.push(entry);
      } else {
        const previous = entries[at];
        if (previous) entries[at] = { key: previous.key, value: entry.value };
      }
    };

    const children = childrenOf(node).filter((child) => child.name !== '{' && child.name !== '}' && child.name !== ',');
    for (let i = 0; i < children.length; i += 1) {
      const child = children[i];
      if (!child) break;
      if (child.name === '**') {
        const spread = this.evaluate(children[i + 1] ?? child, depth + 1);
        if (spread.type !== 'dict') {
          const data = { error: 'TypeError', detail: 'concatenate', left: 'dict', right: pythonTypeName(spread) };
          throw new Unreadable('RUNTIME_ERROR', spread.start, spread.end, data);
        }
        spread.entries.forEach(put);
        i += 1;
        continue;
      }
      const colon = children[i + 1];
      const valueNode = children[i + 2];
      if (colon?.name !== ':' || !valueNode) throw new Unreadable('SYNTAX_ERROR', child.from, node.to, {});
      const key = this.evaluate(child, depth + 1);
      put({ key, value: this.evaluate(valueNode, depth + 1) });
      i += 2;
    }
    return makeDict(entries, { start: node.from, end: node.to }, this.ctx.budget);
  }

  protected appendsTo(left: StrValue, right: Value): boolean {
    return right.type === 'str' && right.bytes === left.bytes;
  }

  protected appendText(builder: TextBuilder, right: Value): void {
    if (right.type === 'str') builder.pushValue(right);
  }

  /** Returns `left + right` for str, bytes, numbers, lists and tuples, as Python computes it. */
  protected add(left: Value, right: Value, node: SyntaxNode): Value {
    const span = { start: left.start, end: right.end };
    if (left.type === 'str' && right.type === 'str' && left.bytes === right.bytes) {
      const builder = new TextBuilder(this.ctx.budget, node);
      builder.pushValue(left);
      builder.pushValue(right);
      const value: StrValue = { type: 'str', ...builder.build(right.end), ...span };
      if (left.bytes) value.bytes = true;
      return value;
    }
    const a = numeric(left);
    const b = numeric(right);
    if (a && b) {
      if (a.pythonInt !== undefined && b.pythonInt !== undefined) {
        const sum = a.pythonInt + b.pythonInt;
        return { type: 'num', value: Number(sum), pythonInt: sum, ...span };
      }
      return { type: 'num', value: a.value + b.value, pythonFloat: true, ...span };
    }
    if (left.type === 'list' && right.type === 'list' && left.tuple === right.tuple) {
      return makeList([...left.items, ...right.items], span, this.ctx.budget, left.tuple);
    }
    throw new Unreadable('RUNTIME_ERROR', node.from, node.to, {
      error: 'TypeError',
      detail: 'concatenate',
      left: pythonTypeName(left),
      right: pythonTypeName(right),
    });
  }

  private evaluateUnary(node: SyntaxNode, depth: number): Value {
    const [operator, operand] = childrenOf(node);
    const sign = operator ? this.text(operator) : '';
    if (!operand || (sign !== '-' && sign !== '+')) throw notStatic('operator', operator ?? node, { operator: sign });
    const value = numeric(this.evaluate(operand, depth + 1));
    if (!value) {
      const data = { error: 'TypeError', detail: 'concatenate', left: sign, right: 'str' };
      throw new Unreadable('RUNTIME_ERROR', node.from, node.to, data);
    }
    if (sign === '+') return { ...value, start: node.from, end: node.to };
    const negated: NumValue = { type: 'num', value: -value.value, start: node.from, end: node.to };
    if (value.pythonInt !== undefined) negated.pythonInt = -value.pythonInt;
    else negated.pythonFloat = true;
    return negated;
  }

  private evaluateCall(node: SyntaxNode, depth: number): Value {
    const callee = node.firstChild;
    const args = node.lastChild;
    if (!callee || args?.name !== 'ArgList') throw new Unreadable('SYNTAX_ERROR', node.from, node.to, {});

    if (this.isJsonDumps(callee)) return evaluateJsonDumps(this, node, args, depth);
    const strip = this.evaluateTrim(callee, args, depth, STRIP_METHODS, PYTHON_WHITESPACE);
    if (strip) return relocated(strip, node);

    const name = callee.name === 'MemberExpression' ? this.text(callee.lastChild ?? callee) : this.text(callee);
    const reason = this.isEnvironment(callee) ? 'environment' : CALL_REASONS[name] ?? 'call';
    throw notStatic(reason, node, { callee: `${excerpt(this.ctx.code, callee, 30)}()` });
  }

  private isJsonDumps(callee: SyntaxNode): boolean {
    if (callee.name === 'VariableName') return this.bindings.get(this.text(callee))?.kind === 'json.dumps';
    if (callee.name !== 'MemberExpression') return false;
    const [object, dot, property] = childrenOf(callee);
    if (object?.name !== 'VariableName' || dot?.name !== '.' || !property || this.text(property) !== 'dumps') return false;

    const binding = this.bindings.get(this.text(object));
    if (binding?.kind === 'json') return true;
    if (binding || this.text(object) !== 'json') return false;
    this.ctx.report('MISSING_IMPORT', object.from, object.to, { name: 'json.dumps', module: 'json' });
    return true;
  }

  private isEnvironment(node: SyntaxNode): boolean {
    return /^os\s*\.\s*(environ|getenv)\b/.test(this.text(node));
  }

  /** Returns the value of a name; an unknown name or one without a readable value throws. */
  lookup(name: string, node: { from: number; to: number }): Value {
    return this.lookupBinding(name, node, this.bindings.get(name));
  }

  /** Returns the source text of a node. */
  text(node: { from: number; to: number }): string {
    return this.ctx.code.slice(node.from, node.to);
  }

  /** Builds a string value of `text` for a converted value (used by json.dumps for its result). */
  stringAt(text: string, span: { start: number; end: number }): StrValue {
    return textAt(text, span, this.ctx.budget);
  }
}

const NON_ASCII = /[^\0-\x7f]/;

/** Builtins that return the module's namespace dict when called at the top level. */
const NAMESPACE_FUNCTIONS: ReadonlySet<string> = new Set(['globals', 'vars', 'locals']);

/** Children of compound statements that contain statements or bind names, besides the `...Statement` nodes. */
const NESTED_BLOCKS = new Set([
  'Body',
  'MatchBody',
  'MatchClause',
  'StatementGroup',
  'TypeDefinition',
  'FunctionDefinition',
  'ClassDefinition',
]);

/** Returns the names a `case` pattern binds: captures, `as` targets and `**rest`, the wildcard `_` included. */
function capturedNames(clause: SyntaxNode): SyntaxNode[] {
  const names: SyntaxNode[] = [];
  const stack = childrenOf(clause).filter((child) => child.name !== 'Body' && child.name !== 'Guard');
  for (let node = stack.pop(); node; node = stack.pop()) {
    const binds = node.name === 'CapturePattern' || node.name === 'AsPattern' || node.name === 'MappingPattern';
    for (const child of childrenOf(node)) {
      if (child.name !== 'VariableName') stack.push(child);
      else if (binds) names.push(child);
    }
  }
  return names;
}

/** Python bools and ints are numbers in arithmetic (True + 1 == 2). */
function numeric(value: Value): NumValue | undefined {
  if (value.type === 'num') return value;
  if (value.type !== 'bool') return undefined;
  const n = value.value ? 1 : 0;
  return { type: 'num', value: n, pythonInt: BigInt(n), start: value.start, end: value.end };
}

/** Returns a string that is equal for keys Python treats as one (1, 1.0 and True are one key). */
function pythonKeyIdentity(key: Value): string {
  switch (key.type) {
    case 'str':
      return `${key.bytes ? 'b' : 's'}:${key.text}`;
    case 'num':
      return `n:${key.pythonInt ?? key.value}`;
    case 'bool':
      return `n:${key.value ? 1 : 0}`;
    case 'null':
    case 'undefined':
      return 'None';
    case 'list':
      if (key.tuple) return `t:${key.items.map(pythonKeyIdentity).join('\u0000')}`;
      throw unhashable(key, 'list');
    case 'dict':
      throw unhashable(key, 'dict');
  }
}

function unhashable(key: Value, type: string): Unreadable {
  return new Unreadable('RUNTIME_ERROR', key.start, key.end, { error: 'TypeError', detail: 'unhashable', type });
}

function spanOf(nodes: SyntaxNode[]): { start: number; end: number } {
  return { start: nodes[0]?.from ?? 0, end: nodes[nodes.length - 1]?.to ?? 0 };
}

export type { Binding };
export type { PythonEvaluator };
