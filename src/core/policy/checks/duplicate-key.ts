import type { ValueNode } from '@humanwhocodes/momoa';
import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { joinPath } from '../document.ts';

export const code = 'DUPLICATE_KEY';
export const severity: Severity = 'error';
export const description = 'An object has the same key twice; JSON.parse would silently keep only the last one.';

export function check(context: PolicyContext): void {
  if (!context.parsed?.ok) return;
  // Depth is bounded by the scan's nesting limit, so an explicit stack is not needed for safety, only for speed.
  const stack: Array<{ node: ValueNode; path: string }> = [{ node: context.parsed.document.body, path: '' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node.type === 'Array') {
      node.elements.forEach((element, index) => stack.push({ node: element.value, path: `${path}[${index}]` }));
      continue;
    }
    if (node.type !== 'Object') continue;
    const seen = new Map<string, number>();
    for (const member of node.members) {
      const name = member.name.type === 'String' ? member.name.value : member.name.name;
      const memberPath = joinPath(path, name);
      const firstLine = seen.get(name);
      if (firstLine !== undefined) context.report(member.name, memberPath, { key: name, firstLine });
      else seen.set(name, member.name.loc.start.line);
      stack.push({ node: member.value, path: memberPath });
    }
  }
}
