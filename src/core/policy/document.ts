/**
 * A typed view over the parsed JSON: the root object, each statement and
 * each element, with the JSON path and node that findings point at.
 */
import type { ArrayNode, DocumentNode, MemberNode, ObjectNode, StringNode, ValueNode } from '@humanwhocodes/momoa';

export type { ArrayNode, MemberNode, ObjectNode, StringNode, ValueNode };

export interface Member {
  name: string;
  node: MemberNode;
  value: ValueNode;
  path: string;
  /** Computed on first use by stringValues(). */
  strings?: StringValue[];
}

export interface ObjectView {
  node: ObjectNode;
  path: string;
  members: Member[];
  /** The last member of that name, as JSON.parse and IAM keep it. */
  get(name: string): Member | undefined;
}

export interface StatementView {
  index: number;
  path: string;
  node: ValueNode;
  /** Absent when the statement is not an object. */
  object?: ObjectView;
  /** Computed on first use by conditionEntries(). */
  conditions?: { operators: Member[]; entries: ConditionEntry[] };
  /** Computed on first use by principalEntries(). */
  principals?: PrincipalEntry[];
}

export interface PolicyDocument {
  root: ObjectView;
  statement?: Member;
  statements: StatementView[];
  /** Computed on first use by objectStatements(). */
  objectStatements?: ObjectStatement[];
}

/** A string value with the node it came from. */
export interface StringValue {
  value: string;
  node: StringNode;
  path: string;
}

class MemberMap implements ObjectView {
  readonly members: Member[] = [];
  readonly #byName = new Map<string, Member>();

  constructor(
    readonly node: ObjectNode,
    readonly path: string,
  ) {
    for (const member of node.members) {
      const name = member.name.type === 'String' ? member.name.value : member.name.name;
      const entry: Member = { name, node: member, value: member.value, path: joinPath(path, name) };
      this.members.push(entry);
      this.#byName.set(name, entry);
    }
  }

  get(name: string): Member | undefined {
    return this.#byName.get(name);
  }
}

export function objectView(node: ObjectNode, path: string): ObjectView {
  return new MemberMap(node, path);
}

export function joinPath(path: string, name: string): string {
  const safe = /^[A-Za-z_][\w-]*$/.test(name) ? name : JSON.stringify(name);
  return path === '' ? safe : `${path}.${safe}`;
}

export function buildDocument(document: DocumentNode): PolicyDocument | undefined {
  if (document.body.type !== 'Object') return undefined;

  const root = objectView(document.body, '');
  const statement = root.get('Statement');
  const statements: StatementView[] = [];
  if (statement?.value.type === 'Array') {
    statement.value.elements.forEach((element, index) => {
      statements.push(statementView(element.value, index, `Statement[${index}]`));
    });
  } else if (statement?.value.type === 'Object') {
    statements.push(statementView(statement.value, 0, 'Statement'));
  }
  return { root, statement, statements };
}

function statementView(node: ValueNode, index: number, path: string): StatementView {
  return node.type === 'Object' ? { index, path, node, object: objectView(node, path) } : { index, path, node };
}

/** Returns the string entries of a string-or-array element; other entries are skipped (the data type check reports them). */
export function stringValues(member: Member | undefined): StringValue[] {
  if (!member) return [];
  // Checks read the same elements many times, so the list is kept on the member; callers must not modify it.
  member.strings ??= readStringValues(member);
  return member.strings;
}

function readStringValues(member: Member): StringValue[] {
  const { value } = member;
  if (value.type === 'String') return [{ value: value.value, node: value, path: member.path }];
  if (value.type !== 'Array') return [];

  const result: StringValue[] = [];
  value.elements.forEach((element, index) => {
    if (element.value.type === 'String') {
      result.push({ value: element.value.value, node: element.value, path: `${member.path}[${index}]` });
    }
  });
  return result;
}

export function isEmptyArray(member: Member | undefined): boolean {
  return member?.value.type === 'Array' && member.value.elements.length === 0;
}

/** Statement elements, in the order IAM documents them. */
export const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const;

export const TOP_LEVEL_ELEMENTS = ['Version', 'Id', 'Statement'] as const;

export type ObjectStatement = StatementView & { object: ObjectView };

/** Returns the statements that are JSON objects; the others get a data type finding and nothing else. */
export function objectStatements(document: PolicyDocument | undefined): ObjectStatement[] {
  if (!document) return [];
  document.objectStatements ??= document.statements.filter(
    (statement): statement is ObjectStatement => statement.object !== undefined,
  );
  return document.objectStatements;
}

/** Tells whether the statement's Effect is exactly "Allow". */
export function isAllow(statement: ObjectStatement): boolean {
  const effect = statement.object.get('Effect')?.value;
  return effect?.type === 'String' && effect.value === 'Allow';
}

/** Returns the JSON type name of a node, as messages show it. */
export function jsonType(node: ValueNode): string {
  switch (node.type) {
    case 'String':
      return 'string';
    case 'Number':
      return 'number';
    case 'Boolean':
      return 'boolean';
    case 'Null':
      return 'null';
    case 'Array':
      return 'array';
    case 'Object':
      return 'object';
    default:
      return 'value';
  }
}

export interface ConditionEntry {
  operator: string;
  operatorNode: MemberNode;
  operatorPath: string;
  key: string;
  keyNode: MemberNode;
  keyPath: string;
  /** Present when the operator's value is an object; the other entries have no keys. */
  value: ValueNode;
}

/** Lists every operator and key of a statement's Condition block. */
export function conditionEntries(statement: ObjectStatement): { operators: Member[]; entries: ConditionEntry[] } {
  statement.conditions ??= readConditions(statement);
  return statement.conditions;
}

function readConditions(statement: ObjectStatement): { operators: Member[]; entries: ConditionEntry[] } {
  const condition = statement.object.get('Condition');
  if (condition?.value.type !== 'Object') return { operators: [], entries: [] };

  const operators: Member[] = [];
  const entries: ConditionEntry[] = [];
  for (const operatorNode of condition.value.members) {
    const operator = operatorNode.name.type === 'String' ? operatorNode.name.value : '';
    const operatorPath = joinPath(condition.path, operator);
    operators.push({ name: operator, node: operatorNode, value: operatorNode.value, path: operatorPath });
    if (operatorNode.value.type !== 'Object') continue;
    for (const keyNode of operatorNode.value.members) {
      const key = keyNode.name.type === 'String' ? keyNode.name.value : '';
      entries.push({ operator, operatorNode, operatorPath, key, keyNode, keyPath: joinPath(operatorPath, key), value: keyNode.value });
    }
  }
  return { operators, entries };
}

export interface PrincipalEntry {
  element: 'Principal' | 'NotPrincipal';
  /** The principal key as written, such as 'AWS' or a misspelled 'aws'. */
  key: string;
  member: Member;
  values: StringValue[];
}

/** Lists every key of a statement's Principal and NotPrincipal objects, with its string values. */
export function principalEntries(
  statement: ObjectStatement,
  elements: ReadonlyArray<'Principal' | 'NotPrincipal'> = ['Principal', 'NotPrincipal'],
): PrincipalEntry[] {
  statement.principals ??= readPrincipalEntries(statement);
  if (elements.length === 2) return statement.principals;
  return statement.principals.filter((entry) => elements.includes(entry.element));
}

function readPrincipalEntries(statement: ObjectStatement): PrincipalEntry[] {
  const result: PrincipalEntry[] = [];
  for (const element of ['Principal', 'NotPrincipal'] as const) {
    const principal = statement.object.get(element);
    if (principal?.value.type !== 'Object') continue;
    for (const node of principal.value.members) {
      const key = node.name.type === 'String' ? node.name.value : node.name.name;
      const member: Member = { name: key, node, value: node.value, path: joinPath(principal.path, key) };
      result.push({ element, key, member, values: stringValues(member) });
    }
  }
  return result;
}
