/**
 * Static evaluation of the top-level variables of a JavaScript or TypeScript
 * module, on the Lezer JavaScript syntax tree (with the `ts` dialect for
 * TypeScript). Declarations and assignments run in order; only literals and
 * the operations listed in `JavaScriptEvaluator.evaluate` are computed.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/javascript';
import type { ExtractionContext } from './context.ts';
import { JAVASCRIPT_JSON, serializeJson } from './json.ts';
import {
  JAVASCRIPT_WHITESPACE,
  decodeJavaScriptBody,
  javascriptString,
  javascriptTypeName,
} from './javascript-text.ts';
import {
  childrenOf,
  excerpt,
  nodeTypeMarks,
  operandsOf,
  parseCode,
  rejectErrorNode,
  reportSyntaxErrors,
} from './lezer.ts';
import { StatementRunner, javascriptKeyName } from './statements.ts';
import {
  TextBuilder,
  Unreadable,
  makeDict,
  literalSpan,
  makeList,
  notStatic,
  relocated,
  type DictEntry,
  type StrValue,
  type Value,
} from './values.ts';
import { pushAll } from '../push-all.ts';

const typescriptParser = parser.configure({ dialect: 'ts' });

export function extractJavaScript(ctx: ExtractionContext, typescript: boolean): void {
  const chosen = typescript ? typescriptParser : parser;
  const findingsBefore = ctx.findings.length;
  let tree = parseCode(chosen, ctx);
  for (let round = 0; round < MAX_ESCAPE_ROUNDS; round += 1) {
    const masked = maskIdentifierEscapes(tree, ctx.code);
    if (masked === undefined) break;
    // The parse of the masked text reports its own limits.
    ctx.findings.length = findingsBefore;
    tree = parseCode(chosen, ctx, masked);
  }
  const assigning = reportSyntaxErrors(tree, ctx, typescript ? TYPESCRIPT_ASSIGNING : JAVASCRIPT_ASSIGNING);
  new JavaScriptEvaluator(ctx, assigning).runModule(tree.topNode);
}

/** Nodes that may assign a name: `x = 1`, and `x++` and `--x` among other unary operations. */
const ASSIGNING_NODES: ReadonlySet<string> = new Set(['AssignmentExpression', 'PostfixExpression', 'UnaryExpression']);
const JAVASCRIPT_ASSIGNING = nodeTypeMarks(parser, ASSIGNING_NODES);
const TYPESCRIPT_ASSIGNING = nodeTypeMarks(typescriptParser, ASSIGNING_NODES);

/** Maximum parses of masked text. Each one may reach escapes that the error recovery of the one before skipped. */
const MAX_ESCAPE_ROUNDS = 3;

/** A `\uXXXX` or `\u{X...}` escape, which JavaScript allows in identifiers (`role\u005fname` is `role_name`). */
const IDENTIFIER_ESCAPE = /\\u(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/g;

/**
 * Returns `code` with the escapes of identifiers that Lezer rejects
 * replaced by identifier characters of the same length, or undefined when
 * no parse error is at such an escape. Lezer's grammar has no identifier
 * escapes. Offsets stay the same, and `nameOf` decodes the original text.
 */
function maskIdentifierEscapes(tree: Tree, code: string): string | undefined {
  if (!code.includes('\\u')) return undefined;
  const masks: { start: number; end: number }[] = [];
  const cursor = tree.cursor();
  do {
    if (!cursor.type.isError || !code.startsWith('\\u', cursor.from)) continue;
    for (let at = cursor.from; ; ) {
      IDENTIFIER_ESCAPE.lastIndex = at;
      const escape = IDENTIFIER_ESCAPE.exec(code);
      if (escape?.index === at) {
        masks.push({ start: at, end: at + escape[0].length });
        at += escape[0].length;
      } else if (/[\w$]/.test(code[at] ?? '')) {
        at += 1;
      } else {
        break;
      }
    }
  } while (cursor.next());
  if (masks.length === 0) return undefined;

  let masked = '';
  let copied = 0;
  for (const { start, end } of masks) {
    if (start < copied) continue;
    masked += code.slice(copied, start) + '$'.padEnd(end - start, '_');
    copied = end;
  }
  return masked + code.slice(copied);
}

/** Statements whose bodies may or may not run, with the reason their assignments are unknown. */
const COMPOUND_REASONS = {
  IfStatement: 'conditional',
  SwitchStatement: 'conditional',
  ForStatement: 'loop',
  WhileStatement: 'loop',
  DoStatement: 'loop',
  TryStatement: 'exception',
} as const;

type CompoundReason = (typeof COMPOUND_REASONS)[keyof typeof COMPOUND_REASONS];

/** `String.prototype.trim` and its one-sided forms remove whitespace only. */
const TRIM_METHODS = { trim: 'both', trimStart: 'start', trimEnd: 'end' } as const;

const CALL_REASONS: Record<string, 'input' | 'file'> = {
  prompt: 'input',
  question: 'input',
  readFileSync: 'file',
  readFile: 'file',
  require: 'file',
  fetch: 'file',
};

/** Names of the global object. In a classic script, top-level `var` and function names are its properties. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

const UPDATE_OPERATORS = new Set(['++', '--']);

/** Globals whose value is known: `undefined`, `NaN` and `Infinity`, unless the code rebinds them. */
const GLOBAL_VALUES: Record<string, (span: { start: number; end: number }) => Value> = {
  undefined: (span) => ({ type: 'undefined', ...span }),
  NaN: (span) => ({ type: 'num', value: NaN, ...span }),
  Infinity: (span) => ({ type: 'num', value: Infinity, ...span }),
};

class JavaScriptEvaluator extends StatementRunner {
  /** Names declared with let, const or class, which JavaScript does not let the code declare again. */
  private readonly lexical = new Map<string, 'let' | 'const'>();
  /** Names of top-level function declarations, bound before the first statement runs, and their offsets. */
  private readonly hoisted = new Map<string, number>();
  /** Offsets of the top-level function declarations. */
  private readonly hoistedAt = new Set<number>();
  /** Functions of the code that assign variables outside themselves, with those names. */
  private readonly outerWriters = new Map<string, ReadonlySet<string>>();
  /** Whether the code may assign inside an expression, which `markNestedAssignments` then looks for. */
  private mayNest = true;

  /** `assigning` is the number of `ASSIGNING_NODES` in the tree. */
  constructor(
    ctx: ExtractionContext,
    private readonly assigning: number,
  ) {
    super(ctx, javascriptKeyName);
  }

  /** Decodes `\u` escapes, and reads the name of a property written as a string (`window["name"]`). */
  override nameOf(node: { from: number; to: number }): string {
    let text = this.text(node);
    const first = text.charCodeAt(0);
    if (first === 0x22 || first === 0x27) text = text.slice(1, -1);
    if (!text.includes('\\')) return text;
    return text.replace(IDENTIFIER_ESCAPE, (escape, braced?: string, plain?: string) => {
      const code = parseInt(braced ?? plain ?? '', 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : escape;
    });
  }

  runModule(script: SyntaxNode): void {
    const statements = childrenOf(script);
    let direct = 0;
    for (const statement of statements) {
      this.hoist(statement);
      if (statement.name === 'ExpressionStatement') direct += directAssignments(statement);
    }
    // Most code assigns only in its statements, `x = ...`, so no expression needs a walk.
    this.mayNest = this.assigning > direct;
    for (const statement of statements) this.runStatement(statement);
  }

  /** Binds a top-level function declaration before any statement runs, as JavaScript does. */
  private hoist(statement: SyntaxNode): void {
    const declaration = statement.name === 'ExportDeclaration' ? childrenOf(statement)[1] : statement;
    if (declaration?.name !== 'FunctionDeclaration') return;
    const name = childrenOf(declaration).find((child) => child.name === 'VariableDefinition');
    if (!name) return;

    this.hoisted.set(this.nameOf(name), name.from);
    this.hoistedAt.add(declaration.from);
    this.bindUnknown(name, notStatic('function', name));
    this.recordOuterWrites(this.nameOf(name), declaration);
  }

  /**
   * Records the names that a function assigns without declaring them, which
   * are variables outside it, so that a use of the function can make them
   * unreadable. Nested functions count as part of the function.
   */
  private recordOuterWrites(name: string, definition: SyntaxNode): void {
    this.outerWriters.delete(name);
    if (!FUNCTION_NODES.has(definition.name)) return;

    const assigned: SyntaxNode[] = [];
    const declared = new Set<string>();
    const stack = [definition];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.name === 'VariableDefinition') declared.add(this.nameOf(node));
      const target = assignedName(node, this.ctx.code);
      if (target) assigned.push(target);
      for (let child = node.lastChild; child; child = child.prevSibling) stack.push(child);
    }
    const writes = new Set(assigned.map((target) => this.nameOf(target)).filter((written) => !declared.has(written)));
    if (writes.size > 0) this.outerWriters.set(name, writes);
  }

  /**
   * Marks the variables that a function of the code assigns as unreadable
   * where a statement calls the function or passes it on, because calls are
   * not followed. Any use of the function's name counts.
   */
  private runWriterUses(statement: SyntaxNode): void {
    const stack = [statement];
    for (let node = stack.pop(); node; node = stack.pop()) {
      const writes = node.name === 'VariableName' ? this.outerWriters.get(this.nameOf(node)) : undefined;
      if (writes) {
        const reason = notStatic('call', node, { callee: `${this.text(node)}()` });
        for (const name of writes) if (this.lexical.get(name) !== 'const') this.bindUnreadableName(name, node.from, reason);
      }
      for (let child = node.lastChild; child; child = child.prevSibling) stack.push(child);
    }
  }

  private runStatement(node: SyntaxNode): void {
    if (this.outerWriters.size > 0 && !DELEGATING_STATEMENTS.has(node.name)) this.runWriterUses(node);
    switch (node.name) {
      case 'VariableDeclaration':
        this.markNestedAssignments(node);
        return this.runDeclaration(node);
      case 'ExportDeclaration': {
        // `export default expression` binds no name the code can use.
        const children = childrenOf(node);
        const inner = children[1];
        if (inner && !children.some((child) => child.name === 'default')) this.runStatement(inner);
        return;
      }
      case 'ExpressionStatement':
        this.markNestedAssignments(node);
        return this.runExpressionStatement(node);
      case 'FunctionDeclaration':
        if (this.hoistedAt.has(node.from)) return this.checkRedeclared(node);
        return this.bindDefinition(node);
      case 'ClassDeclaration':
        this.checkRedeclared(node);
        return this.bindDefinition(node);
      case 'ImportDeclaration':
        for (const name of this.definitionsIn(node)) this.bindUnknown(name, notStatic('import', name));
        return;
      case 'LabeledStatement': {
        const inner = node.lastChild;
        return inner ? this.runStatement(inner) : undefined;
      }
      case 'Block':
        // NOTE: let and const inside the block are skipped, so a block-scoped name that shadows a
        // top-level one is read as the top-level one.
        for (const statement of childrenOf(node)) {
          if (statement.name !== 'VariableDeclaration' || this.text(statement.firstChild ?? statement) === 'var') {
            this.runStatement(statement);
          }
        }
        return;
      default: {
        const reason = COMPOUND_REASONS[node.name as keyof typeof COMPOUND_REASONS];
        if (reason) this.markAssignedIn(node, reason);
      }
    }
  }

  private runDeclaration(node: SyntaxNode): void {
    const children = childrenOf(node);
    const keyword = this.text(children[0] ?? node);
    for (let i = 1; i < children.length; i += 1) {
      const target = children[i];
      if (!target || target.name === ',' || target.name === ';' || target.name === 'TypeAnnotation') continue;

      let next = i + 1;
      if (children[next]?.name === 'TypeAnnotation') next += 1;
      const valueNode = children[next]?.name === 'Equals' ? children[next + 1] : undefined;
      if (valueNode) i = next + 1;

      if (target.name === 'VariableDefinition') this.declare(keyword, target, valueNode);
      else if (target.name === 'ObjectPattern' || target.name === 'ArrayPattern') this.declarePattern(target);
    }
  }

  private declare(keyword: string, target: SyntaxNode, valueNode: SyntaxNode | undefined): void {
    const name = this.nameOf(target);
    if (keyword === 'let' || keyword === 'const') {
      if (this.lexical.has(name) || (this.hoisted.get(name) ?? Infinity) < target.from) {
        this.ctx.reportSyntaxError(target.from, target.to, { variable: name, detail: 'redeclared' });
      }
      this.lexical.set(name, keyword);
    }
    this.recordOuterWrites(name, valueNode ?? target);
    if (!valueNode) {
      // `var x;` keeps the value of an earlier `var x = ...`.
      if (keyword === 'var' && this.bindings.has(name)) return;
      this.bindings.set(name, { kind: 'value', value: { type: 'undefined', start: target.to, end: target.to } });
      this.ctx.assign(name, target.from, { kind: 'null', value: undefined, start: target.to, end: target.to }, 'declare');
      return;
    }
    this.bindNode(target, [valueNode], this.tryEvaluate(valueNode));
  }

  /** Destructuring (`const { a, b } = obj`) is not evaluated; each name it binds gets a finding. */
  private declarePattern(pattern: SyntaxNode): void {
    for (const name of this.definitionsIn(pattern)) this.bindUnreadable(name, notStatic('unpacking', pattern));
  }

  /** Returns the `VariableDefinition` nodes under `node`, walking with a stack. */
  private definitionsIn(node: SyntaxNode): SyntaxNode[] {
    const found: SyntaxNode[] = [];
    const stack = [node];
    for (let current = stack.pop(); current; current = stack.pop()) {
      if (current.name === 'VariableDefinition') found.push(current);
      else pushAll(stack, childrenOf(current).reverse());
    }
    return found;
  }

  private runExpressionStatement(node: SyntaxNode): void {
    const expression = unparenthesized(node.firstChild);
    if (!expression) return;
    const parts = expression.name === 'SequenceExpression' ? operandsOf(expression) : [expression];
    for (const part of parts) {
      if (part.name === 'AssignmentExpression') this.runAssignment(part);
      else if (part.name === 'CallExpression') this.markCallMutation(part);
    }
  }

  /** Runs `a = b = value`: the chain is walked down iteratively, then assigned from the inside out. */
  private runAssignment(node: SyntaxNode): void {
    const links: SyntaxNode[] = [];
    let current: SyntaxNode | null = node;
    while (current?.name === 'AssignmentExpression') {
      links.push(current);
      current = current.lastChild;
    }
    const valueNode = current;
    if (!valueNode) return;

    let value: Value | Unreadable = this.tryEvaluate(valueNode);
    for (const link of links.reverse()) value = this.assignLink(link, valueNode, value);
  }

  /** Performs one `target op= value` of a chain and returns the value it leaves. */
  private assignLink(link: SyntaxNode, valueNode: SyntaxNode, value: Value | Unreadable): Value | Unreadable {
    const [target, operator] = childrenOf(link);
    if (!target || !operator) return value;
    if (target.name === 'MemberExpression') {
      if (!this.assignGlobalProperty(target, this.text(operator), valueNode, value)) this.markMutated(target);
      return value;
    }
    if (target.name !== 'VariableName') {
      if (target.name === 'ObjectPattern' || target.name === 'ArrayPattern') this.declarePattern(target);
      return value;
    }

    const name = this.nameOf(target);
    if (this.lexical.get(name) === 'const') {
      this.ctx.report('RUNTIME_ERROR', target.from, target.to, { variable: name, error: 'TypeError', detail: 'const' });
      return value;
    }
    const op = this.text(operator);
    if (op === '=') {
      this.bindNode(target, [valueNode], value);
      return value;
    }

    const combined = this.combine(target, op, link, value);
    this.bindResult(target, combined, 'extend', { start: link.from, end: link.to });
    return combined;
  }

  private combine(target: SyntaxNode, op: string, link: SyntaxNode, value: Value | Unreadable): Value | Unreadable {
    if (value instanceof Unreadable) return value;
    try {
      if (op !== '+=') throw notStatic('operator', link, { operator: op });
      const current = relocated(this.lookup(this.nameOf(target), target), target);
      return relocated(this.add(current, value, link), { start: target.from, end: link.to });
    } catch (error) {
      if (error instanceof Unreadable) return error;
      throw error;
    }
  }

  /** Marks a list or object as changed by `x.push(...)`, `x.a.b(...)` or `Object.assign(x, ...)`. */
  private markCallMutation(call: SyntaxNode): void {
    const callee = call.firstChild;
    if (callee?.name !== 'MemberExpression') return;
    if (this.text(callee).replace(/\s+/g, '') === 'Object.assign') {
      const [first, ...sources] = operandsOf(call.lastChild ?? call);
      if (first && this.isGlobalObject(first)) this.assignGlobalProperties(first, sources);
      else if (first) this.markMutated(first);
      return;
    }
    this.markMutated(callee);
  }

  private bindDefinition(node: SyntaxNode): void {
    const name = childrenOf(node).find((child) => child.name === 'VariableDefinition');
    if (!name) return;

    const isClass = node.name === 'ClassDeclaration';
    this.bindUnknown(name, notStatic(isClass ? 'class' : 'function', name));
    if (isClass) this.lexical.set(this.nameOf(name), 'let');
    else this.recordOuterWrites(this.nameOf(name), node);
  }

  /** Reports a declaration of a name that let, const, class or a top-level function declared already. */
  private checkRedeclared(node: SyntaxNode): void {
    const name = childrenOf(node).find((child) => child.name === 'VariableDefinition');
    if (!name) return;
    const text = this.nameOf(name);
    const clash = this.lexical.has(text) || (node.name === 'ClassDeclaration' && (this.hoisted.get(text) ?? Infinity) < name.from);
    if (clash) this.ctx.reportSyntaxError(name.from, name.to, { variable: text, detail: 'redeclared' });
  }

  private isGlobalObject(node: SyntaxNode): boolean {
    const name = this.text(node);
    return node.name === 'VariableName' && GLOBAL_OBJECTS.has(name) && !this.bindings.has(name);
  }

  /**
   * Runs `globalThis.name = value` (or `window`, `self`, `global`) and
   * returns whether `target` is such a property. In a classic script a
   * top-level `var` or function name, or a name never declared, is a
   * property of the global object, so the assignment sets the variable. A
   * let, const or class name is no property and keeps its value.
   * NOTE: in an ES module no top-level name is a property of the global object,
   * so there the variable keeps its value, but this reads it as reassigned.
   */
  private assignGlobalProperty(target: SyntaxNode, operator: string, valueNode: SyntaxNode, value: Value | Unreadable): boolean {
    const [object, access, property] = childrenOf(target);
    if (!object || !property || !this.isGlobalObject(object)) return false;
    const dotted = access?.name === '.' && property.name === 'PropertyName';
    if (!dotted && !(access?.name === '[' && property.name === 'String')) return false;

    if (this.lexical.has(this.nameOf(property))) return true;
    if (dotted && operator === '=') this.bindNode(property, [valueNode], value);
    else this.bindUnreadable(property, notStatic('global-object', target));
    return true;
  }

  /** Runs `Object.assign(globalThis, ...sources)`: every name it may set becomes unreadable. */
  private assignGlobalProperties(object: SyntaxNode, sources: SyntaxNode[]): void {
    const reason = notStatic('global-object', object);
    for (const source of sources) {
      const properties = source.name === 'ObjectExpression' ? childrenOf(source).filter((child) => child.name === 'Property') : [];
      const keys = properties.map((property) => property.firstChild);
      const literal = source.name === 'ObjectExpression' && keys.every((key) => key?.name === 'PropertyDefinition' || key?.name === 'String');
      if (!literal) {
        // Any name may be set: every variable that is a property of the global object loses its value.
        for (const name of [...this.ctx.assignments.keys()]) {
          if (!this.lexical.has(name)) this.bindUnreadableName(name, object.from, reason);
        }
        continue;
      }
      for (const key of keys) if (key && !this.lexical.has(this.nameOf(key))) this.bindUnreadable(key, reason);
    }
  }

  /**
   * Marks the names that a statement assigns inside its expressions, such as
   * `f(x = 1)`, `y = (x = 1)` or `x++`, as unreadable. The statement's own
   * assignments and declarations run as usual.
   */
  private markNestedAssignments(statement: SyntaxNode): void {
    if (!this.mayNest) return;
    const expressions: SyntaxNode[] = [];
    let own = 0;
    if (statement.name === 'VariableDeclaration') {
      for (let child = statement.firstChild; child; child = child.nextSibling) {
        if (child.name !== 'Equals') continue;
        own += 1;
        if (child.nextSibling) expressions.push(child.nextSibling);
      }
    } else {
      const expression = unparenthesized(statement.firstChild);
      let parts: SyntaxNode[] = [];
      if (expression?.name === 'SequenceExpression') parts = operandsOf(expression);
      else if (expression) parts = [expression];
      for (let part of parts) {
        while (part.name === 'AssignmentExpression' && part.lastChild) {
          own += 1;
          part = part.lastChild;
        }
        pushAll(expressions, part.name === 'CallExpression' ? childrenOf(part) : [part]);
      }
    }
    if (countAssignmentTokens(this.ctx.code, statement.from, statement.to) <= own) return;
    for (const expression of expressions) this.markAssignedIn(expression, 'nested-assignment');
  }

  /**
   * Marks every top-level name that a compound statement may assign as
   * unknown (plain assignments and `var` declarations at any depth, except
   * inside functions and classes), and every array or object it may change.
   */
  private markAssignedIn(node: SyntaxNode, reason: CompoundReason | 'nested-assignment'): void {
    const stack: SyntaxNode[] = [node];
    for (let current = stack.pop(); current; current = stack.pop()) {
      if (FUNCTION_NODES.has(current.name)) continue;
      if (current.name === 'AssignmentExpression') {
        const target = unparenthesized(current.firstChild);
        if (target?.name === 'VariableName') this.bindUnreadable(target, notStatic(reason, target));
        else if (target?.name === 'MemberExpression') this.markMutated(target);
        else if (target?.name === 'ObjectPattern' || target?.name === 'ArrayPattern') this.declarePattern(target);
      }
      if (current.name === 'PostfixExpression' || current.name === 'UnaryExpression') this.markUpdated(current);
      if (current.name === 'ForOfSpec' || current.name === 'ForInSpec') this.markLoopTargets(current, reason);
      if (current.name === 'CallExpression') this.markCallMutation(current);
      if (current.name === 'VariableDeclaration' && this.text(current.firstChild ?? current) === 'var') {
        for (const name of this.definitionsIn(current)) this.bindUnreadable(name, notStatic(reason, name));
        continue;
      }
      pushAll(stack, childrenOf(current).reverse());
    }
  }

  /** Marks the target of `x++`, `--x` and the like as unreadable, or its list or object as changed. */
  private markUpdated(node: SyntaxNode): void {
    const parts = childrenOf(node);
    const operator = parts.find((part) => part.name === 'ArithOp' && UPDATE_OPERATORS.has(this.text(part)));
    const target = unparenthesized(parts.find((part) => part !== operator && part.name !== 'ArithOp') ?? null);
    if (!operator || !target) return;
    if (target.name === 'VariableName') this.bindUnreadable(target, notStatic('operator', operator, { operator: this.text(operator) }));
    else if (target.name === 'MemberExpression') this.markMutated(target);
  }

  /** Marks the names that `for (x of ...)` or `for (var x in ...)` binds. A let or const binds them inside the loop only. */
  private markLoopTargets(spec: SyntaxNode, reason: CompoundReason | 'nested-assignment'): void {
    const parts = operandsOf(spec);
    const keyword = parts[0] ? this.text(parts[0]) : '';
    if (keyword === 'let' || keyword === 'const') return;
    for (const part of parts) {
      if (part.name === 'of' || part.name === 'in') return;
      if (part.name === 'VariableName' || part.name === 'VariableDefinition') this.bindUnreadable(part, notStatic(reason, part));
      else if (part.name === 'ObjectPattern' || part.name === 'ArrayPattern') {
        for (const name of this.definitionsIn(part)) this.bindUnreadable(name, notStatic(reason, name));
      } else if (part.name === 'MemberExpression') this.markMutated(part);
    }
  }

  /** Evaluates an expression, or throws `Unreadable` saying why it cannot be read. */
  evaluate(node: SyntaxNode, depth: number): Value {
    rejectErrorNode(node);
    this.checkDepth(node, depth);
    const span = { start: node.from, end: node.to };
    switch (node.name) {
      case 'String':
        return this.evaluateString(node);
      case 'TemplateString':
        return this.evaluateTemplate(node, depth, false);
      case 'Number':
        return this.evaluateNumber(node);
      case 'BooleanLiteral':
        return { type: 'bool', value: this.text(node) === 'true', ...span };
      case 'null':
        return { type: 'null', ...span };
      case 'VariableName':
        return relocated(this.lookup(this.nameOf(node), node), node);
      case 'ParenthesizedExpression': {
        const inner = operandsOf(node);
        if (inner.length !== 1 || !inner[0]) throw new Unreadable('SYNTAX_ERROR', node.from, node.to, {});
        return relocated(this.evaluate(inner[0], depth + 1), node);
      }
      case 'ArrayExpression':
        return this.evaluateArray(node, depth);
      case 'ObjectExpression':
        return this.evaluateObject(node, depth);
      case 'BinaryExpression':
        return this.evaluateBinary(node, depth);
      case 'UnaryExpression':
        return this.evaluateUnary(node, depth);
      case 'PostfixExpression':
      case 'PrefixCast':
        return this.evaluateTypeOnly(node, depth);
      case 'CallExpression':
        return this.evaluateCall(node, depth);
      case 'TaggedTemplateExpression':
        return this.evaluateTagged(node, depth);
      case 'MemberExpression':
        throw notStatic(/^process\s*\.\s*env\b/.test(this.text(node)) ? 'environment' : 'member', node);
      case 'ArrowFunction':
      case 'FunctionExpression':
        throw notStatic('function', node);
      case 'ClassExpression':
        throw notStatic('class', node);
      case 'AssignmentExpression':
        throw notStatic('expression', node, { text: excerpt(this.ctx.code, node) });
      default:
        throw notStatic('expression', node, { text: excerpt(this.ctx.code, node) });
    }
  }

  private evaluateString(node: SyntaxNode): StrValue {
    const code = this.ctx.code;
    const quote = code[node.from] ?? '';
    if (node.to - node.from < 2 || code[node.to - 1] !== quote) {
      throw new Unreadable('SYNTAX_ERROR', node.from, node.to, { unclosed: true });
    }
    const body = code.slice(node.from + 1, node.to - 1);
    const span = { start: node.from, end: node.to };
    if (!body.includes('\\')) return { ...literalSpan(body, node.from + 1, span, this.ctx.budget), quote };

    const builder = new TextBuilder(this.ctx.budget, node, body.length);
    decodeJavaScriptBody(code, node.from + 1, node.to - 1, { template: false, raw: false }, builder);
    return { type: 'str', ...builder.build(node.to), ...span, quote };
  }

  /** Evaluates a template literal; `raw` keeps escapes as written, as `String.raw` does. */
  private evaluateTemplate(node: SyntaxNode, depth: number, raw: boolean): StrValue {
    const code = this.ctx.code;
    if (node.to - node.from < 2 || code[node.to - 1] !== '`') {
      throw new Unreadable('SYNTAX_ERROR', node.from, node.to, { unclosed: true });
    }
    const builder = new TextBuilder(this.ctx.budget, node, node.to - node.from);
    const options = { template: true, raw };
    let position = node.from + 1;
    for (const part of childrenOf(node)) {
      if (part.name !== 'Interpolation') continue;
      decodeJavaScriptBody(code, position, part.from, options, builder);
      const expression = operandsOf(part).find((child) => child.name !== 'InterpolationStart' && child.name !== 'InterpolationEnd');
      if (!expression || part.lastChild?.name !== 'InterpolationEnd') {
        throw new Unreadable('SYNTAX_ERROR', part.from, part.to, {});
      }
      const value = this.evaluate(expression, depth + 1);
      if (value.type === 'str') builder.pushValue(value);
      else builder.push(javascriptString(value), value.start);
      position = part.to;
    }
    decodeJavaScriptBody(code, position, node.to - 1, options, builder);
    return { type: 'str', ...builder.build(node.to), start: node.from, end: node.to, quote: '`' };
  }

  private evaluateTagged(node: SyntaxNode, depth: number): Value {
    const [tag, template] = childrenOf(node);
    if (tag && template?.name === 'TemplateString' && this.text(tag).replace(/\s+/g, '') === 'String.raw') {
      return this.evaluateTemplate(template, depth, true);
    }
    throw notStatic('call', node, { callee: tag ? excerpt(this.ctx.code, tag, 30) : 'a tag' });
  }

  private evaluateNumber(node: SyntaxNode): Value {
    const text = this.text(node).replace(/_/g, '');
    const span = { start: node.from, end: node.to };
    if (text.endsWith('n')) throw notStatic('expression', node, { text });
    let value: number;
    if (/^0[0-7]+$/.test(text)) value = parseInt(text, 8);
    else if (/^0\d+$/.test(text)) value = parseInt(text, 10);
    else value = Number(text);
    return { type: 'num', value, ...span };
  }

  /** Evaluates `[a, , ...b]`: holes are undefined, and spreads of arrays and strings are expanded. */
  private evaluateArray(node: SyntaxNode, depth: number): Value {
    const items: Value[] = [];
    let expectingItem = true;
    const children = childrenOf(node);
    for (let i = 0; i < children.length; i += 1) {
      const child = children[i];
      if (!child || child.name === '[' || child.name === ']') continue;
      if (child.name === ',') {
        if (expectingItem) items.push({ type: 'undefined', start: child.from, end: child.from });
        expectingItem = true;
        continue;
      }
      expectingItem = false;
      if (child.name === 'Spread') {
        pushAll(items, this.spreadItems(this.evaluate(children[i + 1] ?? child, depth + 1)));
        i += 1;
      } else {
        items.push(this.evaluate(child, depth + 1));
      }
    }
    return makeList(items, { start: node.from, end: node.to }, this.ctx.budget);
  }

  private spreadItems(value: Value): Value[] {
    if (value.type === 'list') return value.items;
    if (value.type === 'str') {
      let index = 0;
      return [...value.text].map((char) => {
        const offset = value.offsets[index] ?? value.start;
        const item = this.stringAt(char, offset, value);
        index += char.length;
        return item;
      });
    }
    throw new Unreadable('RUNTIME_ERROR', value.start, value.end, {
      error: 'TypeError',
      detail: 'not-iterable',
      type: javascriptTypeName(value),
    });
  }

  /**
   * Evaluates an object literal. A repeated key keeps its first position and
   * takes the last value, and integer keys come first in ascending order, as
   * JavaScript orders the properties.
   */
  private evaluateObject(node: SyntaxNode, depth: number): Value {
    const entries: DictEntry[] = [];
    const index = new Map<string, number>();
    const put = (entry: DictEntry): void => {
      const name = entry.key.type === 'str' ? entry.key.text : '';
      const at = index.get(name);
      if (at === undefined) {
        index.set(name, entries.length);
        entries.push(entry);
      } else {
        entries[at] = { key: entries[at]?.key ?? entry.key, value: entry.value };
      }
    };

    for (const property of childrenOf(node)) {
      if (property.name !== 'Property') {
        rejectErrorNode(property);
        continue;
      }
      for (const entry of this.propertyEntries(property, depth)) put(entry);
    }
    return makeDict(orderProperties(entries), { start: node.from, end: node.to }, this.ctx.budget);
  }

  /** Returns the entries one `Property` adds: `key: value`, shorthand `key`, or `...spread`. */
  private propertyEntries(property: SyntaxNode, depth: number): DictEntry[] {
    const parts = childrenOf(property);
    const [first] = parts;
    if (!first) return [];
    if (first.name === 'Spread') return this.spreadEntries(this.evaluate(parts[1] ?? first, depth + 1));

    if (parts.length === 1 && first.name === 'PropertyDefinition') {
      const value = relocated(this.lookup(this.nameOf(first), first), first);
      return [{ key: this.keyString(this.nameOf(first), first), value }];
    }
    const colon = parts.findIndex((part) => part.name === ':');
    const valueNode = parts[colon + 1];
    if (colon < 0 || !valueNode || parts.some((part) => part.name === 'ParamList')) throw notStatic('function', property);
    const key = this.propertyKey(parts.slice(0, colon), depth);
    return [{ key, value: this.evaluate(valueNode, depth + 1) }];
  }

  private propertyKey(parts: SyntaxNode[], depth: number): StrValue {
    const [first] = parts;
    if (!first) throw new Unreadable('SYNTAX_ERROR', 0, 0, {});
    if (first.name === '[') {
      const expression = parts[1];
      if (!expression) throw new Unreadable('SYNTAX_ERROR', first.from, first.to, {});
      const value = this.evaluate(expression, depth + 1);
      return value.type === 'str' ? value : this.keyString(javascriptString(value), expression);
    }
    if (first.name === 'String') return this.evaluateString(first);
    if (first.name === 'Number') {
      const number = this.evaluateNumber(first);
      return this.keyString(javascriptString(number), first);
    }
    return this.keyString(this.text(first), first);
  }

  private spreadEntries(value: Value): DictEntry[] {
    switch (value.type) {
      case 'dict':
        return value.entries;
      case 'list':
        return value.items.map((item, index) => ({ key: this.keyString(String(index), item), value: item }));
      case 'str':
        return this.spreadItems(value).map((item, index) => ({ key: this.keyString(String(index), item), value: item }));
      default:
        return [];
    }
  }

  private keyString(text: string, node: { from: number; to: number } | Value): StrValue {
    const span = 'from' in node ? { start: node.from, end: node.to } : { start: node.start, end: node.end };
    return this.stringAt(text, span.start, span);
  }

  private stringAt(text: string, offset: number, span: { start: number; end: number }): StrValue {
    const builder = new TextBuilder(this.ctx.budget, span);
    builder.push(text, offset, offset + text.length <= span.end);
    return { type: 'str', ...builder.build(span.end), start: span.start, end: span.end };
  }

  private evaluateBinary(node: SyntaxNode, depth: number): Value {
    const op = this.operatorOf(node);
    if (op === 'as' || op === 'satisfies') return relocated(this.evaluate(node.firstChild ?? node, depth + 1), node);
    return this.evaluatePlusChain(node, depth);
  }

  /** A string plus anything is a concatenation in JavaScript. */
  protected appendsTo(): boolean {
    return true;
  }

  protected appendText(builder: TextBuilder, right: Value): void {
    if (right.type === 'str') builder.pushValue(right);
    else builder.push(javascriptString(right), right.start);
  }

  /** Returns `left + right` as JavaScript computes it: strings concatenate unless both sides are primitives that are not strings. */
  protected add(left: Value, right: Value, node: SyntaxNode): Value {
    const span = { start: left.start, end: right.end };
    const textual = (value: Value): boolean => value.type === 'str' || value.type === 'list' || value.type === 'dict';
    if (!textual(left) && !textual(right)) {
      return { type: 'num', value: toNumber(left) + toNumber(right), ...span };
    }
    const builder = new TextBuilder(this.ctx.budget, node);
    for (const side of [left, right]) {
      if (side.type === 'str') builder.pushValue(side);
      else builder.push(javascriptString(side), side.start);
    }
    return { type: 'str', ...builder.build(right.end), ...span };
  }

  private evaluateUnary(node: SyntaxNode, depth: number): Value {
    const [operator, operand] = childrenOf(node);
    const op = operator ? this.text(operator) : '';
    if (!operand || (op !== '-' && op !== '+')) throw notStatic('operator', operator ?? node, { operator: op });
    const value = this.evaluate(operand, depth + 1);
    const number = toNumber(value);
    return { type: 'num', value: op === '-' ? -number : number, start: node.from, end: node.to };
  }

  /** Evaluates TypeScript's `x!` and `<T>x`, which only change the static type. */
  private evaluateTypeOnly(node: SyntaxNode, depth: number): Value {
    const inner = node.name === 'PrefixCast' ? node.lastChild : node.firstChild;
    const marker = node.lastChild;
    if (!inner || (node.name === 'PostfixExpression' && (!marker || this.text(marker) !== '!'))) {
      throw notStatic('operator', marker ?? node, { operator: marker ? this.text(marker) : '?' });
    }
    return relocated(this.evaluate(inner, depth + 1), node);
  }

  private evaluateCall(node: SyntaxNode, depth: number): Value {
    const callee = node.firstChild;
    const args = node.lastChild;
    if (!callee || args?.name !== 'ArgList') throw new Unreadable('SYNTAX_ERROR', node.from, node.to, {});

    const calleeText = this.text(callee).replace(/\s+/g, '');
    if (calleeText === 'JSON.stringify' && !this.bindings.has('JSON')) return this.evaluateStringify(node, args, depth);
    const trimmed = this.evaluateTrim(callee, args, depth, TRIM_METHODS, JAVASCRIPT_WHITESPACE);
    if (trimmed) return relocated(trimmed, node);

    const name = callee.name === 'MemberExpression' ? this.text(callee.lastChild ?? callee) : calleeText;
    throw notStatic(CALL_REASONS[name] ?? 'call', node, { callee: `${excerpt(this.ctx.code, callee, 30)}()` });
  }

  /** Evaluates `JSON.stringify(value, replacer, space)` with a null or undefined replacer. */
  private evaluateStringify(node: SyntaxNode, args: SyntaxNode, depth: number): Value {
    const [valueNode, replacerNode, spaceNode] = operandsOf(args);
    if (!valueNode) return { type: 'undefined', start: node.from, end: node.to };
    if (valueNode.name === 'Spread') throw notStatic('json-option', valueNode, { option: '...', callee: 'JSON.stringify' });

    const value = this.evaluate(valueNode, depth + 1);
    if (replacerNode && !this.isNullish(replacerNode)) {
      throw notStatic('json-option', replacerNode, { option: 'a replacer', callee: 'JSON.stringify' });
    }
    const options = { ...JAVASCRIPT_JSON };
    const indent = spaceNode ? readSpace(this.evaluate(spaceNode, depth + 1)) : undefined;
    if (indent) options.indent = indent;
    return serializeJson(value, options, this.ctx.budget, { start: node.from, end: node.to });
  }

  /** Returns whether `node` evaluates to null or undefined; a replacer function or array does not. */
  private isNullish(node: SyntaxNode): boolean {
    const value = this.tryEvaluate(node);
    return !(value instanceof Unreadable) && (value.type === 'null' || value.type === 'undefined');
  }

  /** Returns the value of a name; unknown names and unreadable values throw. */
  private lookup(name: string, node: { from: number; to: number }): Value {
    const binding = this.bindings.get(name);
    const global = GLOBAL_VALUES[name];
    if (!binding && global) return global({ start: node.from, end: node.to });
    return this.lookupBinding(name, node, binding);
  }

  text(node: { from: number; to: number }): string {
    return this.ctx.code.slice(node.from, node.to);
  }
}

const FUNCTION_NODES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunction',
  'ClassDeclaration',
  'ClassExpression',
]);

/** Statements whose inner statements `runStatement` runs one by one. */
const DELEGATING_STATEMENTS: ReadonlySet<string> = new Set(['Block', 'ExportDeclaration', 'LabeledStatement']);

/** Returns the name node that `node` assigns, in `x = ...`, `x += ...`, `x++` or `--x`, if any. */
function assignedName(node: SyntaxNode, code: string): SyntaxNode | undefined {
  if (node.name === 'AssignmentExpression') {
    const target = unparenthesized(node.firstChild);
    return target?.name === 'VariableName' ? target : undefined;
  }
  if (node.name !== 'PostfixExpression' && node.name !== 'UnaryExpression') return undefined;
  const operator = childrenOf(node).find((part) => part.name === 'ArithOp');
  const target = childrenOf(node).find((part) => part.name === 'VariableName');
  const text = operator ? code.slice(operator.from, operator.to) : '';
  return UPDATE_OPERATORS.has(text) ? target : undefined;
}

/** Returns the number of assignments an expression statement makes itself: 2 in `a = b = 1`, 2 in `a = 1, b = 2`. */
function directAssignments(statement: SyntaxNode): number {
  const expression = unparenthesized(statement.firstChild);
  let count = 0;
  const parts = expression?.name === 'SequenceExpression' ? operandsOf(expression) : [expression];
  for (let part = parts.pop(); part; part = parts.pop()) {
    for (let link: SyntaxNode | null = part; link?.name === 'AssignmentExpression'; link = link.lastChild) count += 1;
  }
  return count;
}

/**
 * Counts the tokens that may assign in `code` from `from` to `to`: `=` that
 * is no comparison or arrow, `++` and `--`. A statement with more of them than
 * its own assignments has one nested in an expression, such as `f(x = 1)` or
 * `x++`. A match inside a string only costs a walk of the statement.
 */
function countAssignmentTokens(code: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) {
    const char = code.charCodeAt(i);
    const next = code.charCodeAt(i + 1);
    if (char === 0x3d) {
      const previous = code.charCodeAt(i - 1);
      if (previous !== 0x3d && previous !== 0x21 && next !== 0x3d && next !== 0x3e) count += 1;
    } else if ((char === 0x2b || char === 0x2d) && next === char) {
      count += 1;
      i += 1;
    }
  }
  return count;
}

/** Returns `node` without the parentheses around it: `((x))` is `x`. */
function unparenthesized(node: SyntaxNode | null): SyntaxNode | null {
  let current = node;
  while (current?.name === 'ParenthesizedExpression') {
    const inner = operandsOf(current);
    if (inner.length !== 1 || !inner[0]) break;
    current = inner[0];
  }
  return current;
}

/** `ToNumber` of a primitive: null is 0, undefined is NaN, booleans are 0 and 1. */
function toNumber(value: Value): number {
  switch (value.type) {
    case 'num':
      return value.value;
    case 'bool':
      return value.value ? 1 : 0;
    case 'null':
      return 0;
    case 'str':
      return value.text.trim() === '' ? 0 : Number(value.text);
    default:
      return NaN;
  }
}

/** Returns the indentation that JSON.stringify's `space` sets: up to 10 spaces, or up to 10 characters of a string. */
function readSpace(value: Value): string | undefined {
  if (value.type === 'num') {
    const count = Math.min(10, Math.floor(value.value));
    return count >= 1 ? ' '.repeat(count) : undefined;
  }
  if (value.type === 'str') return value.text.slice(0, 10) || undefined;
  return undefined;
}

/** Orders properties as JavaScript does: array-index keys ascending, then the others in insertion order. */
function orderProperties(entries: DictEntry[]): DictEntry[] {
  const indexKey = (entry: DictEntry): number | undefined => {
    const text = entry.key.type === 'str' ? entry.key.text : '';
    if (!/^(0|[1-9]\d*)$/.test(text)) return undefined;
    const number = Number(text);
    return number < 2 ** 32 - 1 ? number : undefined;
  };
  const indexed = entries.filter((entry) => indexKey(entry) !== undefined);
  if (indexed.length === 0) return entries;
  indexed.sort((a, b) => (indexKey(a) ?? 0) - (indexKey(b) ?? 0));
  return [...indexed, ...entries.filter((entry) => indexKey(entry) === undefined)];
}
