import type { ValueNode } from '@humanwhocodes/momoa';
import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { jsonType, objectStatements, principalEntries, type Member } from '../document.ts';

export const code = 'DATA_TYPE_MISMATCH';
export const severity: Severity = 'error';
export const description =
  'A value has the wrong JSON type, such as a number for Version, a string for Statement, or an object in an Action list.';

const STRING_ELEMENTS = ['Sid', 'Effect'];
const LIST_ELEMENTS = ['Action', 'NotAction', 'Resource', 'NotResource'];

export function check(context: PolicyContext): void {
  if (!context.parsed?.ok) return;
  const body = context.parsed.document.body;
  if (body.type !== 'Object') {
    context.report(body, '', { element: 'policy', expected: 'object', found: jsonType(body), doubleEncoded: isDoubleEncoded(body) });
    return;
  }
  const document = context.document;
  if (!document) return;
  for (const name of ['Version', 'Id']) expectString(context, document.root.get(name));
  checkStatementElement(context, document.statement);
  for (const statement of objectStatements(document)) {
    const { object } = statement;
    for (const name of STRING_ELEMENTS) expectString(context, object.get(name));
    for (const name of LIST_ELEMENTS) expectStringList(context, object.get(name));
    // The shape of Principal itself is the principal format check's; here only the values under each key.
    for (const { member } of principalEntries(statement)) expectStringList(context, member);
    checkCondition(context, object.get('Condition'));
  }
}

function isDoubleEncoded(node: ValueNode): boolean {
  if (node.type !== 'String') return false;
  try {
    const inner: unknown = JSON.parse(node.value);
    return typeof inner === 'object' && inner !== null;
  } catch {
    return false;
  }
}

function mismatch(context: PolicyContext, node: ValueNode, path: string, element: string, expected: string): void {
  context.report(node, path, { element, expected, found: jsonType(node) });
}

function expectString(context: PolicyContext, member: Member | undefined): void {
  if (member && member.value.type !== 'String') mismatch(context, member.value, member.path, member.name, 'string');
}

function expectStringList(context: PolicyContext, member: Member | undefined): void {
  if (!member) return;
  const { value } = member;
  if (value.type === 'String') return;
  if (value.type !== 'Array') {
    mismatch(context, value, member.path, member.name, 'string or array of strings');
    return;
  }
  value.elements.forEach((element, index) => {
    if (element.value.type !== 'String') {
      mismatch(context, element.value, `${member.path}[${index}]`, member.name, 'string');
    }
  });
}

function checkStatementElement(context: PolicyContext, member: Member | undefined): void {
  if (!member) return;
  const { value } = member;
  if (value.type !== 'Object' && value.type !== 'Array') {
    mismatch(context, value, member.path, 'Statement', 'object or array of objects');
    return;
  }
  if (value.type !== 'Array') return;
  value.elements.forEach((element, index) => {
    if (element.value.type !== 'Object') mismatch(context, element.value, `Statement[${index}]`, 'Statement', 'object');
  });
}

function checkCondition(context: PolicyContext, member: Member | undefined): void {
  if (!member) return;
  if (member.value.type !== 'Object') {
    mismatch(context, member.value, member.path, 'Condition', 'object');
    return;
  }
  for (const operator of member.value.members) {
    const operatorName = operator.name.type === 'String' ? operator.name.value : '';
    const operatorPath = `${member.path}.${operatorName}`;
    if (operator.value.type !== 'Object') {
      mismatch(context, operator.value, operatorPath, 'Condition operator', 'object');
      continue;
    }
    for (const key of operator.value.members) {
      const keyPath = `${operatorPath}.${key.name.type === 'String' ? key.name.value : ''}`;
      const items = key.value.type === 'Array' ? key.value.elements.map((element) => element.value) : [key.value];
      items.forEach((item, index) => {
        if (item.type !== 'String' && item.type !== 'Number' && item.type !== 'Boolean') {
          const path = key.value.type === 'Array' ? `${keyPath}[${index}]` : keyPath;
          mismatch(context, item, path, 'Condition value', 'string, number or boolean');
        }
      });
    }
  }
}
