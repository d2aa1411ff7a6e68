/**
 * Canonical JSON: the one serialization of a JSON value that a digest is
 * computed over. It follows the JSON Canonicalization Scheme (RFC 8785):
 * no whitespace, object members sorted by the UTF-16 code units of their
 * names, and strings and numbers as ECMAScript's JSON.stringify writes
 * them. Members whose value is undefined are left out, as JSON.stringify
 * leaves them out.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
      throw new TypeError(`canonicalJson: ${String(value)} has no JSON form`);
    }
    return text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }

  const members: string[] = [];
  for (const name of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[name];
    if (member === undefined) continue;
    members.push(`${JSON.stringify(name)}:${canonicalJson(member)}`);
  }
  return `{${members.join(',')}}`;
}
