/**
 * Shell variable assignments of a POSIX shell script, read with the lexer in
 * src/core/shell/. A script's assignments are words, `NAME=value`, alone on a
 * command or after a declaration builtin (`export`, `readonly`, `declare`,
 * `typeset`, `local`); every value is a string.
 */
import {
  lexShell,
  simpleCommands,
  type ShellExpansion,
  type ShellToken,
  type ShellWord,
  type SimpleCommand,
} from '../shell/index.ts';
import { ExtractionContext } from './context.ts';
import { TextBuilder, Unreadable, notStatic, type StrValue } from './values.ts';

/** Builtins whose `NAME=value` arguments set variables. */
export const DECLARATION_BUILTINS: ReadonlySet<string> = new Set(['export', 'readonly', 'declare', 'typeset', 'local']);

/** The kind of compound command around a command, which decides whether its assignments count. */
type Region = 'if' | 'case' | 'loop' | 'group' | 'function' | 'subshell';

/** Special and positional parameters come from how the script is run. */
const isParameterOfTheRun = (name: string): boolean => /^(\d+|[?$!#@*-])$/.test(name);

export function extractShell(ctx: ExtractionContext): void {
  const { tokens, issues } = lexShell(ctx.code);
  for (const issue of issues) {
    if (issue.code.startsWith('unclosed-')) ctx.reportSyntaxError(issue.start, issue.end, { issue: issue.code });
    else if (issue.code === 'curly-quote') ctx.report('CURLY_QUOTE', issue.start, issue.end, { text: issue.text });
  }
  new ShellScript(ctx, tokens).runBefore(Infinity);
}

/** The value of a script variable, as `ShellScript.variable` returns it. */
export type ShellVariable = string | { unreadable: string } | undefined;

/**
 * A script's simple commands, whose assignments run one command at a time, and the variables
 * they have set so far. The lab engine's extraction runs all of them. The command validator runs
 * those before the aws command, so that both read a script's variables in the same way.
 */
export class ShellScript {
  readonly commands: readonly SimpleCommand[];
  private readonly runner: ShellRunner;
  private next = 0;

  /** `outer` returns the variables set before the script runs, such as the environment's. */
  constructor(ctx: ExtractionContext, tokens: readonly ShellToken[], outer?: (name: string) => ShellVariable) {
    const { kept, arrays } = withoutArrayElements(tokens);
    this.commands = simpleCommands(kept);
    this.runner = new ShellRunner(ctx, arrays, outer);
  }

  /** Runs the assignments of the commands before `commands[index]` that have not run yet. */
  runBefore(index: number): void {
    const stop = Math.min(index, this.commands.length);
    for (; this.next < stop; this.next += 1) {
      const command = this.commands[this.next];
      if (command) this.runner.runCommand(command);
    }
  }

  /**
   * Returns a variable's value, or undefined when it is not set. For a variable whose value
   * needs the script to run (set in a loop, from a command's output), it returns the reason: a
   * NOT_STATIC reason or another extraction code, such as UNDEFINED_NAME.
   */
  variable(name: string): ShellVariable {
    return this.runner.variable(name);
  }
}

/** Reads a script's variables without reporting extraction findings, for callers outside the extraction. */
export function shellScript(code: string, tokens: readonly ShellToken[], outer?: (name: string) => ShellVariable): ShellScript {
  return new ShellScript(new ExtractionContext(code, 'shell'), tokens, outer);
}

/**
 * Removes the elements of array assignments, `name=(a b)`, which the lexer
 * reads as a word and a parenthesized list, and returns the assignment words.
 */
function withoutArrayElements(tokens: readonly ShellToken[]): { kept: ShellToken[]; arrays: Set<ShellWord> } {
  const kept: ShellToken[] = [];
  const arrays = new Set<ShellWord>();
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    kept.push(token);
    const next = tokens[i + 1];
    const opensArray =
      token.kind === 'word' &&
      token.assignment?.valueIndex === token.value.length &&
      next?.kind === 'operator' &&
      next.op === '(' &&
      next.start === token.end;
    if (!opensArray) continue;

    arrays.add(token);
    let depth = 0;
    for (i += 1; i < tokens.length; i += 1) {
      const inside = tokens[i];
      if (inside?.kind !== 'operator') continue;
      if (inside.op === '(') depth += 1;
      if (inside.op === ')') depth -= 1;
      if (depth === 0) break;
    }
  }
  return { kept, arrays };
}

/** Options of `declare`, `typeset` and `local` that change the value assigned, with the reason it is not read. */
const VALUE_OPTIONS: Record<string, 'array' | 'arithmetic' | 'expression'> = {
  a: 'array',
  A: 'array',
  i: 'arithmetic',
  l: 'expression',
  u: 'expression',
  n: 'expression',
};

/** Builtins that set the variable named by their last argument from input: `mapfile -t lines`. */
const INPUT_BUILTINS: ReadonlySet<string> = new Set(['mapfile', 'readarray']);

const NAME = /^[A-Za-z_]\w*$/;

class ShellRunner {
  private readonly bindings = new Map<string, StrValue | Unreadable>();
  /** Names that `unset` removed, which `outer` no longer supplies. */
  private readonly unset = new Set<string>();
  private readonly regions: Region[] = [];
  /** The previous command was a function header, `name()`, so the next group is its body. */
  private functionHeader = false;
  /** The name of the function whose header was read last. */
  private functionName: string | undefined;
  /** The function whose body runs now, when the body is not nested in another compound command. */
  private currentFunction: string | undefined;
  /** The variables each function assigns outside `local`, which a call of the function sets again. */
  private readonly functionAssignments = new Map<string, Set<string>>();

  constructor(
    private readonly ctx: ExtractionContext,
    private readonly arrays: ReadonlySet<ShellWord>,
    private readonly outer?: (name: string) => ShellVariable,
  ) {}

  variable(name: string): ShellVariable {
    const bound = this.bindings.get(name);
    if (bound instanceof Unreadable) return { unreadable: bound.code === 'NOT_STATIC' ? String(bound.data.reason) : bound.code };
    if (bound) return bound.text;
    return this.unset.has(name) ? undefined : this.outer?.(name);
  }

  runCommand(command: SimpleCommand): void {
    // A function body in parentheses, `f() ( ... )`, runs in a subshell too, so it sets no global variable.
    const opensSubshell = command.precededBy?.op === '(' && this.top() !== 'case';
    if (opensSubshell) {
      this.regions.push('subshell');
      this.functionHeader = false;
    }

    const words = this.skipReservedWords(command);
    if (words !== undefined) this.runWords(command, [...command.assignments, ...words]);
    this.closeSubshell(command);
  }

  private runWords(command: SimpleCommand, commandWords: ShellWord[]): void {
    const words = commandWords.map((word) => this.asAppend(word) ?? word);
    let split = 0;
    while (split < words.length && words[split]?.assignment) split += 1;
    const leading = words.slice(0, split);
    const [name, ...args] = words.slice(split);
    if (name && args.length === 0 && command.endedBy?.op === '(') this.startFunction(name.value);
    else if (name) this.functionHeader = false;

    const builtin = this.plain(name);
    if (!name) {
      for (const word of leading) this.assign(word, command);
    } else if (builtin !== undefined && DECLARATION_BUILTINS.has(builtin)) {
      this.runDeclaration(builtin, args, command);
    } else if (builtin === 'unset') {
      // `unset -f name` removes a function, not a variable.
      const options = args.filter((word) => word.value.startsWith('-')).map((word) => word.value);
      if (options.some((option) => option.includes('f'))) return;
      for (const word of args) if (!word.value.startsWith('-') && this.affectsTopLevel(command)) this.remove(word.value);
    } else if (builtin === 'read') {
      for (const word of args) if (NAME.test(word.value)) this.bindUnreadable(word, notStatic('input', word), command);
    } else if (builtin !== undefined) {
      this.runOtherCommand(builtin, args, command, name);
    }
  }

  /** Runs the assignments of `export`, `readonly`, `declare`, `typeset` and `local`. */
  private runDeclaration(builtin: string, args: ShellWord[], command: SimpleCommand): void {
    // `local` outside a function fails in bash and dash, and assigns nothing.
    if (builtin === 'local' && this.currentFunction === undefined) return;

    let reason: 'array' | 'arithmetic' | 'expression' | undefined;
    for (const word of args) {
      if (!word.assignment && /^-[A-Za-z]+$/.test(word.value)) {
        for (const letter of word.value.slice(1)) reason = VALUE_OPTIONS[letter] ?? reason;
        continue;
      }
      if (!word.assignment) continue;
      if (builtin === 'local') this.functionLocals.add(word.assignment.name);
      if (reason) this.bindUnreadable(word, notStatic(reason, word, { text: `${builtin} ${optionsOf(args)}` }), command);
      else this.assign(word, command);
    }
  }

  /**
   * Runs builtins that set a named variable (`printf -v`, `getopts`, `mapfile`, `let`) and calls of the script's functions.
   * NOTE: `eval`, `source` (`.`) and `${name:=value}` are not read, so a variable they set keeps the value read before.
   */
  private runOtherCommand(builtin: string, args: ShellWord[], command: SimpleCommand, name: ShellWord): void {
    const [first, second] = args;
    if (builtin === 'printf' && first?.value === '-v' && second && NAME.test(second.value)) {
      this.bindUnreadable(second, notStatic('call', second, { callee: 'printf -v' }), command);
    } else if (builtin === 'getopts' && second && NAME.test(second.value)) {
      this.bindUnreadable(second, notStatic('input', second), command);
    } else if (INPUT_BUILTINS.has(builtin)) {
      const last = args[args.length - 1];
      if (last && NAME.test(last.value)) this.bindUnreadable(last, notStatic('input', last), command);
    } else if (builtin === 'let') {
      for (const word of args) if (word.assignment) this.bindUnreadable(word, notStatic('arithmetic', word), command);
    } else {
      this.runFunctionCall(builtin, command, name);
    }
  }

  /**
   * Marks the variables a function of the script assigns as unreadable when
   * the script calls it, because calls are not followed.
   */
  private runFunctionCall(callee: string, command: SimpleCommand, word: ShellWord): void {
    const assigned = this.functionAssignments.get(callee);
    if (!assigned || !this.affectsTopLevel(command)) return;
    for (const name of assigned) {
      const reason = notStatic('call', word, { callee });
      this.bindings.set(name, reason);
      this.unset.delete(name);
      this.ctx.assign(name, word.start, { kind: 'unreadable', start: word.start, end: word.end });
      this.ctx.reportUnreadable(reason, name);
    }
  }

  private startFunction(name: string): void {
    this.functionHeader = true;
    this.functionName = name;
  }

  /** Names declared with `local` in the current function, which its assignments do not set globally. */
  private functionLocals = new Set<string>();

  /** Records an assignment in a function body that sets a global variable when the function runs. */
  private recordFunctionAssignment(name: string): void {
    if (this.currentFunction === undefined || this.functionLocals.has(name)) return;
    if (this.regions.includes('subshell')) return;
    const assigned = this.functionAssignments.get(this.currentFunction) ?? new Set<string>();
    assigned.add(name);
    this.functionAssignments.set(this.currentFunction, assigned);
  }

  /**
   * Returns `NAME+=value`, bash's append assignment, as an assignment word.
   * POSIX has no such assignment, so the lexer reads the word as a command name.
   */
  private asAppend(word: ShellWord): ShellWord | undefined {
    if (word.assignment || !word.value.includes('+=')) return undefined;
    const match = /^([A-Za-z_]\w*)\+=/.exec(word.value);
    if (!match?.[1] || this.ctx.code.slice(word.start, word.start + match[0].length) !== match[0]) return undefined;
    return { ...word, assignment: { name: match[1], valueIndex: match[0].length } };
  }

  /**
   * Returns the words of a command after the reserved words that open,
   * continue or close compound commands, and updates the region stack. Returns
   * undefined when the rest cannot assign, as in a `for` or `case` header.
   */
  private skipReservedWords(command: SimpleCommand): ShellWord[] | undefined {
    const words = command.words;
    if (this.top() === 'case' && command.endedBy?.op === ')') return undefined;

    let index = 0;
    for (; index < words.length; index += 1) {
      const word = this.plain(words[index]);
      if (word === 'if') this.regions.push('if');
      else if (word === 'while' || word === 'until') this.regions.push('loop');
      else if (word === 'for' || word === 'select') {
        this.regions.push('loop');
        const variable = words[index + 1];
        if (variable) this.bindUnreadable(variable, notStatic('loop', variable), command);
        return undefined;
      } else if (word === 'case') {
        this.regions.push('case');
        return undefined;
      } else if (word === '{') {
        this.regions.push(this.functionHeader ? 'function' : 'group');
        if (this.functionHeader && this.regions.length === 1) {
          this.currentFunction = this.functionName;
          this.functionLocals = new Set();
        }
        this.functionHeader = false;
      } else if (word === 'function') {
        // `function name` and `function name()`: the name is no command.
        this.startFunction(words[index + 1]?.value ?? '');
        index += 1;
      } else if (word === 'fi' || word === 'done' || word === 'esac' || word === '}') {
        this.regions.pop();
        if (this.regions.length === 0) this.currentFunction = undefined;
      }
      else if (!['then', 'else', 'elif', 'do', '!'].includes(word ?? '')) break;
    }
    return words.slice(index);
  }

  private closeSubshell(command: SimpleCommand): void {
    if (command.endedBy?.op === ')' && this.top() === 'subshell') this.regions.pop();
  }

  private top(): Region | undefined {
    return this.regions[this.regions.length - 1];
  }

  /** Returns the text of a word without quotes or expansions, which alone can be a reserved word. */
  private plain(word: ShellWord | undefined): string | undefined {
    return word && !word.quoted && word.expansions.length === 0 ? word.value : undefined;
  }

  /** Returns whether assignments of `command` change the script's own variables. */
  private affectsTopLevel(command: SimpleCommand): boolean {
    if (this.regions.some((region) => region === 'function' || region === 'subshell')) return false;
    const pipe = (op: string | undefined): boolean => op === '|' || op === '|&' || op === '&';
    return !pipe(command.precededBy?.op) && !pipe(command.endedBy?.op);
  }

  /** Returns the reason assignments of `command` may not happen, inside a conditional or a loop. */
  private uncertainty(command: SimpleCommand): 'conditional' | 'loop' | undefined {
    const enclosing = [...this.regions].reverse().find((region) => region !== 'group');
    if (enclosing === 'loop') return 'loop';
    if (enclosing === 'if' || enclosing === 'case') return 'conditional';
    const op = command.precededBy?.op;
    return op === '&&' || op === '||' ? 'conditional' : undefined;
  }

  private assign(word: ShellWord, command: SimpleCommand): void {
    if (!word.assignment) return;
    if (!this.affectsTopLevel(command)) return this.recordFunctionAssignment(word.assignment.name);

    const uncertain = this.uncertainty(command);
    if (uncertain) return this.bindUnreadable(word, notStatic(uncertain, word), command);
    if (this.arrays.has(word)) return this.bindUnreadable(word, notStatic('array', word), command);
    let value: StrValue | Unreadable;
    try {
      value = this.evaluate(word);
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
      value = error;
    }
    const { name } = word.assignment;
    const appends = this.ctx.code[word.start + name.length] === '+';
    if (appends && !(value instanceof Unreadable)) value = this.append(name, value, word);
    const extends_ = appends || word.expansions.some((expansion) => expansion.kind === 'variable' && expansion.name === name);
    if (value instanceof Unreadable) return this.bindUnreadable(word, value, command, extends_);

    this.bindings.set(name, value);
    this.unset.delete(name);
    const source = { kind: 'string' as const, value: value.text, offsets: value.offsets, start: value.start, end: value.end };
    const quote = quoteOf(this.ctx.code.slice(value.start, value.end));
    this.ctx.assign(name, word.start, quote ? { ...source, quote } : source, extends_ ? 'extend' : 'replace');
  }

  private bindUnreadable(word: ShellWord, reason: Unreadable, command: SimpleCommand, extend = false): void {
    if (!this.affectsTopLevel(command)) return;
    const name = word.assignment?.name ?? word.value;
    const start = word.assignment ? valueStart(word) : word.start;
    this.bindings.set(name, reason);
    this.unset.delete(name);
    this.ctx.assign(name, word.start, { kind: 'unreadable', start, end: word.end }, extend ? 'extend' : 'replace');
    this.ctx.reportUnreadable(reason, name);
  }

  /** Returns the value of `name+=value`: the old value, empty when unset, followed by `value`. */
  private append(name: string, value: StrValue, word: ShellWord): StrValue | Unreadable {
    const bound = this.bindings.get(name);
    const outer = this.unset.has(name) ? undefined : this.outer?.(name);
    if (bound === undefined && outer === undefined) return value;
    let old: StrValue;
    try {
      old = this.lookup(name, { start: word.start, end: word.start + name.length });
    } catch (error) {
      if (error instanceof Unreadable) return error;
      throw error;
    }
    const builder = new TextBuilder(this.ctx.budget, value);
    builder.pushValue(old);
    builder.pushValue(value);
    return { type: 'str', ...builder.build(value.end), start: value.start, end: value.end };
  }

  private remove(name: string): void {
    this.bindings.delete(name);
    this.unset.add(name);
    this.ctx.remove(name);
  }

  /** Evaluates the value part of a `NAME=value` word, substituting variables assigned before it. */
  private evaluate(word: ShellWord): StrValue {
    const from = word.assignment?.valueIndex ?? 0;
    const span = { start: valueStart(word), end: word.end };
    const builder = new TextBuilder(this.ctx.budget, span);
    let index = from;
    const pushLiteral = (to: number): void => {
      for (let i = index; i < to; i += 1) builder.push(word.value[i] ?? '', word.offsets[i] ?? word.end);
    };
    for (const expansion of word.expansions) {
      if (expansion.valueStart < from) continue;
      pushLiteral(expansion.valueStart);
      this.expand(expansion, builder);
      index = expansion.valueEnd;
    }
    pushLiteral(word.value.length);
    return { type: 'str', ...builder.build(word.end), ...span };
  }

  private expand(expansion: ShellExpansion, builder: TextBuilder): void {
    if (!expansion.closed) throw new Unreadable('SYNTAX_ERROR', expansion.start, expansion.end, {});
    if (expansion.kind === 'arithmetic') throw notStatic('arithmetic', expansion);
    if (expansion.kind === 'command') return builder.pushValue(this.commandSubstitution(expansion));
    if (expansion.modifier) {
      throw notStatic('parameter-expansion', expansion, { text: this.ctx.code.slice(expansion.start, expansion.end) });
    }
    builder.pushValue(this.lookup(expansion.name, expansion));
  }

  private lookup(name: string, where: { start: number; end: number }): StrValue {
    const bound = this.bindings.get(name);
    if (bound instanceof Unreadable) {
      // A value built on one past a size limit is past it too, as in `a="$a$a"` repeated.
      if (bound.code === 'LIMIT_EXCEEDED') throw new Unreadable('LIMIT_EXCEEDED', where.start, where.end, bound.data);
      throw notStatic('depends', where, { name });
    }
    if (bound) return bound;
    const outer = this.unset.has(name) ? undefined : this.outer?.(name);
    if (typeof outer === 'object') throw notStatic('depends', where, { name });
    if (outer !== undefined) {
      // A value from outside the script has no source of its own, so it maps to the expansion.
      const offsets = new Int32Array(outer.length + 1).fill(where.start);
      offsets[outer.length] = where.end;
      return { type: 'str', text: outer, offsets, start: where.start, end: where.end };
    }
    if (isParameterOfTheRun(name)) throw notStatic('input', where);
    throw new Unreadable('UNDEFINED_NAME', where.start, where.end, { name });
  }

  /**
   * Evaluates `$(cat <<'EOF' ... EOF)`, a common way to write a multi-line
   * value: the here-document body without its trailing newlines, as command
   * substitution returns it. Any other command needs running.
   */
  private commandSubstitution(expansion: ShellExpansion): StrValue {
    const code = this.ctx.code;
    const text = code.slice(expansion.start, expansion.end);
    const innerStart = expansion.start + 2;
    if (!text.startsWith('$(')) throw notStatic('command-substitution', expansion);

    const inner = code.slice(innerStart, expansion.end - 1);
    const commands = simpleCommands(lexShell(inner).tokens);
    const [only] = commands;
    const heredoc = only?.redirections[0]?.heredoc;
    const isCat = only?.words.length === 1 && only.words[0]?.value === 'cat' && only.redirections.length === 1;
    if (commands.length !== 1 || !isCat || !heredoc?.closed) throw notStatic('command-substitution', expansion);

    const span = { start: expansion.start, end: expansion.end };
    const builder = new TextBuilder(this.ctx.budget, span);
    const body = heredoc.body;
    const base = innerStart + heredoc.bodyStart;
    const expansions = new Map(heredoc.expansions.map((inside) => [inside.start - heredoc.bodyStart, inside]));
    let lineStart = true;
    for (let i = 0; i < body.length; i += 1) {
      const char = body[i] ?? '';
      if (heredoc.stripTabs && lineStart && char === '\t') continue;
      lineStart = char === '\n';
      const inside = heredoc.quoted ? undefined : expansions.get(i);
      if (inside) {
        const where = { start: base + i, end: base + i + inside.end - inside.start };
        if (inside.kind !== 'variable' || inside.modifier) throw notStatic('command-substitution', where);
        builder.pushValue(this.lookup(inside.name, where));
        i += inside.end - inside.start - 1;
        continue;
      }
      if (!heredoc.quoted && char === '\\' && '$`\\\n'.includes(body[i + 1] ?? '')) {
        if (body[i + 1] !== '\n') builder.push(body[i + 1] ?? '', base + i);
        i += 1;
        continue;
      }
      builder.push(char, base + i);
    }
    const built = builder.build(expansion.end);
    let length = built.text.length;
    while (length > 0 && built.text[length - 1] === '\n') length -= 1;
    const offsets = built.offsets.slice(0, length + 1);
    offsets[length] = expansion.end;
    return { type: 'str', text: built.text.slice(0, length), offsets, ...span };
  }
}

/** Returns the source offset where the value of a `NAME=value` or `NAME+=value` word starts, quotes included. */
function valueStart(word: ShellWord): number {
  return word.assignment ? word.start + word.assignment.valueIndex : word.start;
}

/** Returns the option words of a declaration, such as `-u`, joined by spaces. */
function optionsOf(args: ShellWord[]): string {
  return args
    .filter((word) => !word.assignment && word.value.startsWith('-'))
    .map((word) => word.value)
    .join(' ');
}

/** Returns the quote of a value written as one quoted string: `'`, `"` or `$'`. */
function quoteOf(raw: string): string | undefined {
  if (/^'[^']*'$/.test(raw)) return "'";
  if (/^"(?:[^"\\]|\\[\s\S])*"$/.test(raw)) return '"';
  if (/^\$'(?:[^'\\]|\\[\s\S])*'$/.test(raw)) return "$'";
  return undefined;
}
