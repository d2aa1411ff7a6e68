/** Reads a parsed policy as grants: effect, principals, actions (lower-cased), resources and conditions. */
import type { Member, ObjectView, PolicyDocument, StatementView } from './document.ts';
import { stringValues } from './document.ts';
import { normalizePrincipalValue, PRINCIPAL_KEYS, type PrincipalKey } from './principals.ts';
import type { NormalizedCondition, NormalizedPolicy, NormalizedPrincipal, NormalizedStatement } from './types.ts';

/**
 * Returns the grants of every statement whose Effect is valid. A statement
 * with a missing or invalid Effect grants nothing, because IAM rejects it.
 */
export function normalizePolicy(document: PolicyDocument): NormalizedPolicy {
  const version = document.root.get('Version');
  const policy: NormalizedPolicy = { statements: [] };
  if (version?.value.type === 'String') policy.version = version.value.value;
  for (const statement of document.statements) {
    const normalized = normalizeStatement(statement);
    if (normalized) policy.statements.push(normalized);
  }
  return policy;
}

function normalizeStatement(statement: StatementView): NormalizedStatement | undefined {
  const object = statement.object;
  const effect = object?.get('Effect')?.value;
  if (!object || effect?.type !== 'String' || (effect.value !== 'Allow' && effect.value !== 'Deny')) return undefined;

  const { loc } = statement.node;
  const result: NormalizedStatement = {
    index: statement.index,
    effect: effect.value,
    conditions: normalizeConditions(object.get('Condition')),
    span: { line: loc.start.line, column: loc.start.column, endLine: loc.end.line, endColumn: loc.end.column },
  };
  const sid = object.get('Sid')?.value;
  if (sid?.type === 'String') result.sid = sid.value;
  assignPrincipals(result, 'principals', object.get('Principal'));
  assignPrincipals(result, 'notPrincipals', object.get('NotPrincipal'));
  assignList(result, 'actions', object, 'Action', true);
  assignList(result, 'notActions', object, 'NotAction', true);
  assignList(result, 'resources', object, 'Resource', false);
  assignList(result, 'notResources', object, 'NotResource', false);
  return result;
}

function assignList(
  statement: NormalizedStatement,
  field: 'actions' | 'notActions' | 'resources' | 'notResources',
  object: ObjectView,
  element: string,
  lowerCase: boolean,
): void {
  const member = object.get(element);
  if (!member) return;
  statement[field] = stringValues(member).map((entry) => (lowerCase ? entry.value.toLowerCase() : entry.value));
}

function assignPrincipals(
  statement: NormalizedStatement,
  field: 'principals' | 'notPrincipals',
  member: Member | undefined,
): void {
  if (!member) return;
  statement[field] = normalizePrincipals(member).map((principal) => ({ ...principal }));
}

/** `"*"` and `{"AWS": "*"}` both mean every principal, so both become type '*'. Callers must not modify the result. */
export function normalizePrincipals(member: Member & { principals?: NormalizedPrincipal[] }): NormalizedPrincipal[] {
  member.principals ??= readPrincipals(member);
  return member.principals;
}

function readPrincipals(member: Member): NormalizedPrincipal[] {
  const { value } = member;
  if (value.type === 'String') return value.value === '*' ? [{ type: '*', value: '*' }] : [];
  if (value.type !== 'Object') return [];

  const result: NormalizedPrincipal[] = [];
  for (const entry of value.members) {
    const key = entry.name.type === 'String' ? entry.name.value : '';
    if (!(PRINCIPAL_KEYS as readonly string[]).includes(key)) continue;
    const type = key as PrincipalKey;
    const values = stringValues({ name: key, node: entry, value: entry.value, path: '' });
    for (const { value: text } of values) {
      if (type === 'AWS' && text === '*') result.push({ type: '*', value: '*' });
      else result.push({ type, value: normalizePrincipalValue(type, text) });
    }
  }
  return result;
}

function normalizeConditions(member: Member | undefined): NormalizedCondition[] {
  if (member?.value.type !== 'Object') return [];

  const result: NormalizedCondition[] = [];
  for (const operator of member.value.members) {
    if (operator.value.type !== 'Object' || operator.name.type !== 'String') continue;
    for (const key of operator.value.members) {
      if (key.name.type !== 'String') continue;
      const node = key.value;
      const items = node.type === 'Array' ? node.elements.map((element) => element.value) : [node];
      const values: string[] = [];
      for (const item of items) {
        if (item.type === 'String' || item.type === 'Number' || item.type === 'Boolean') values.push(String(item.value));
      }
      result.push({ operator: operator.name.value, key: key.name.value, values });
    }
  }
  return result;
}
