/** Lezer helpers shared by the Python and JavaScript evaluators. */
import type { NodeSet, Parser, SyntaxNode, Tree } from '@lezer/common';
import type { ExtractionContext } from './context.ts';
import { Unreadable } from './values.ts';

/**
 * Maximum parser steps (`PartialParse.advance` calls). Ordinary code takes
 * about one step per character, so this allows well over 1 MiB of it.
 */
export const MAX_PARSE_STEPS = 3_000_000;
/**
 * Maximum bracket nesting the parser is given. Lezer's steps grow slower with
 * the depth of its stack (nesting 4,000 JavaScript objects takes seconds), and
 * no value a lab expects nests more than a few levels, so parsing stops at this depth.
 */
export const MAX_PARSE_NESTING = 200;
/** A last guard against parser input that is slow in a way the limits above miss. */
const MAX_PARSE_MILLISECONDS = 5000;
/** Syntax errors reported per extraction; after the first few, later ones are mostly echoes. */
const MAX_SYNTAX_ERRORS = 10;

/**
 * Parses `ctx.code`, or `text` of the same length in its place, stopping
 * early (with a finding) at a work limit.
 */
export function parseCode(parser: Parser, ctx: ExtractionContext, text = ctx.code): Tree {
  const parse = parser.startParse(text);
  const tooDeep = firstTooDeep(text);
  ctx.parseStop = tooDeep;
  if (tooDeep !== undefined) {
    parse.stopAt(tooDeep);
    ctx.report('LIMIT_EXCEEDED', tooDeep, tooDeep + 1, { limit: 'parse-nesting', maximum: MAX_PARSE_NESTING });
  }

  const started = Date.now();
  let stopped = false;
  for (let steps = 1; ; steps += 1) {
    const tree = parse.advance();
    if (tree) return tree;
    if (stopped) continue;

    const slow = steps % 1000 === 0 && Date.now() - started > MAX_PARSE_MILLISECONDS;
    if (steps >= MAX_PARSE_STEPS || slow) {
      stopped = true;
      ctx.parseStop = Math.min(ctx.parseStop ?? Infinity, parse.parsedPos);
      parse.stopAt(parse.parsedPos);
      ctx.report('LIMIT_EXCEEDED', parse.parsedPos, parse.parsedPos, {
        limit: slow ? 'parse-time' : 'parse-steps',
        maximum: slow ? MAX_PARSE_MILLISECONDS : MAX_PARSE_STEPS,
      });
    }
  }
}

/**
 * Returns the offset of the first bracket nested deeper than
 * `MAX_PARSE_NESTING`. Brackets inside strings and comments count too,
 * which can only stop a parse early, never let a deep one through.
 */
function firstTooDeep(code: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < code.length; i += 1) {
    const char = code.charCodeAt(i);
    if (char === 0x28 || char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > MAX_PARSE_NESTING) return i;
    } else if ((char === 0x29 || char === 0x5d || char === 0x7d) && depth > 0) {
      depth -= 1;
    }
  }
  return undefined;
}

/**
 * Reports the parser's error nodes, at most one per line and
 * `MAX_SYNTAX_ERRORS` in all, and returns how many nodes have a type id that
 * `counted` marks, from the same walk of the tree.
 */
export function reportSyntaxErrors(tree: Tree, ctx: ExtractionContext, counted?: Uint8Array): number {
  let reported = 0;
  let count = 0;
  const cursor = tree.cursor();
  do {
    const { type } = cursor;
    if (counted) count += counted[type.id] ?? 0;
    if (!type.isError || reported === MAX_SYNTAX_ERRORS) continue;
    ctx.reportSyntaxError(cursor.from, cursor.to, { text: ctx.code.slice(cursor.from, cursor.to).slice(0, 20) });
    reported += 1;
    if (reported === MAX_SYNTAX_ERRORS && !counted) return count;
  } while (cursor.next());
  return count;
}

/** Returns an array, indexed by node type id, that marks the types named in `names`, for `reportSyntaxErrors`. */
export function nodeTypeMarks(parser: { nodeSet: NodeSet }, names: ReadonlySet<string>): Uint8Array {
  const { types } = parser.nodeSet;
  const marks = new Uint8Array(types.length);
  for (const type of types) if (names.has(type.name)) marks[type.id] = 1;
  return marks;
}

/** Returns the children of `node`, iterating instead of recursing. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}

/** Returns the children that are not punctuation (commas, brackets, braces and colons). */
export function operandsOf(node: SyntaxNode): SyntaxNode[] {
  return childrenOf(node).filter((child) => !PUNCTUATION.has(child.name));
}

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',', ':', ';', '.']);

/**
 * Throws when `node` is a parser error node or ends in one (an incomplete
 * bracket, say), so that the value around it is not read.
 */
export function rejectErrorNode(node: SyntaxNode): void {
  if (node.type.isError || node.lastChild?.type.isError) throw new Unreadable('SYNTAX_ERROR', node.from, node.to, {});
}

/**
 * Returns the operands of a chain of one left-associative binary operator,
 * such as `a + b + c`, from left to right, without recursing down the chain.
 */
export function flattenChain(node: SyntaxNode, isChainLink: (node: SyntaxNode) => boolean): SyntaxNode[] {
  const rights: SyntaxNode[] = [];
  let current = node;
  while (isChainLink(current)) {
    const left = current.firstChild;
    const right = current.lastChild;
    if (!left || !right || left.from === right.from) break;
    rights.push(right);
    current = left;
  }
  rights.push(current);
  return rights.reverse();
}

/** Returns a short excerpt of source text for a finding's data. */
export function excerpt(code: string, node: { from: number; to: number }, maximum = 40): string {
  const text = code.slice(node.from, Math.min(node.to, node.from + maximum + 1)).replace(/\s+/g, ' ');
  return text.length > maximum ? `${text.slice(0, maximum - 1)}…` : text;
}
