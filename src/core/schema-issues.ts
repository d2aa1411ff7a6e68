/**
 * Renders zod issues as messages that name the field, say what its value
 * is and what is expected: `lab.id: expected a string, but it is
 * missing`. zod/mini (4.6) loads no locale, so its own message for every
 * issue is "Invalid input". A schema check may pass its own message, such as
 * `z.regex(re, 'an ISO 8601 UTC timestamp')`, which is then used as the
 * description of what is expected.
 */

/** The members of a zod issue that this module reads (zod 4's `$ZodIssue`). */
export interface SchemaIssue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly input?: unknown;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly errors?: ReadonlyArray<readonly SchemaIssue[]>;
  readonly issues?: readonly SchemaIssue[];
  readonly discriminator?: string;
  readonly options?: readonly unknown[];
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly pattern?: string;
}

/** The options to pass to `z.safeParse` so that issues carry the value they are about. */
export const ISSUE_INPUT = { reportInput: true } as const;

const DEFAULT_MESSAGE = 'Invalid input';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  record: 'an object',
  null: 'null',
  nonoptional: 'a value',
};

/** Formats a path as `steps[0].checks[1].type`, or `(root)` for the whole document. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text || '(root)';
}

/** Describes one issue as `path: expected ..., but ...`. */
export function describeIssue(issue: SchemaIssue, prefix: readonly PropertyKey[] = []): string {
  const nested = nestedIssue(issue);
  if (nested) return describeIssue(nested, [...prefix, ...issue.path]);
  return `${formatPath([...prefix, ...issue.path])}: ${expectation(issue)}`;
}

/** Describes the first `max` issues, joined with "; ", and counts the rest. */
export function describeIssues(issues: readonly SchemaIssue[], max = 3): string {
  const shown = issues.slice(0, max).map((issue) => describeIssue(issue));
  const more = issues.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more ${more === 1 ? 'problem' : 'problems'}` : ''}`;
}

/** Returns the issue that explains a union or record issue better than the issue itself, if there is one. */
function nestedIssue(issue: SchemaIssue): SchemaIssue | undefined {
  if (issue.code === 'invalid_key' || issue.code === 'invalid_element') return issue.issues?.[0];
  if (issue.code !== 'invalid_union' || issue.discriminator !== undefined || !issue.errors?.length) return undefined;
  if (issue.errors.every((branch) => branch[0]?.code === 'invalid_type' && branch[0].path.length === 0)) return undefined;
  // The branch that got deepest into the value, then the one with the fewest problems, is the one it was meant to be.
  const depth = (branch: readonly SchemaIssue[]): number => branch[0]?.path.length ?? 0;
  const closest = [...issue.errors].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
  return closest?.[0];
}

function expectation(issue: SchemaIssue): string {
  const custom = issue.message && issue.message !== DEFAULT_MESSAGE ? issue.message : undefined;
  const got = describeValue(discriminatorValue(issue) ?? issue);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected ?? ''] ?? `a value of type ${String(issue.expected)}`}, but ${got}`;
    case 'invalid_value':
      return `expected ${oneOf(issue.values ?? [])}, but ${got}`;
    case 'invalid_union':
      return `expected ${unionExpectation(issue)}, but ${got}`;
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).map((key) => JSON.stringify(key)).join(', ');
      return `has the unknown ${(issue.keys?.length ?? 0) === 1 ? 'field' : 'fields'} ${keys}; remove ${(issue.keys?.length ?? 0) === 1 ? 'it' : 'them'} or check the spelling`;
    }
    case 'too_small':
      return `expected ${bound(issue, 'at least', 'more than', issue.minimum)}, but ${got}`;
    case 'too_big':
      return `expected ${bound(issue, 'at most', 'less than', issue.maximum)}, but ${got}`;
    case 'invalid_format':
      return `expected ${custom ?? (issue.format === 'regex' ? `text matching ${String(issue.pattern)}` : `a valid ${String(issue.format)}`)}, but ${got}`;
    default:
      return custom ?? `is invalid: ${got}`;
  }
}

function unionExpectation(issue: SchemaIssue): string {
  if (issue.discriminator !== undefined) return oneOf(issue.options ?? []);
  const types = (issue.errors ?? []).map((branch) => TYPE_NAMES[branch[0]?.expected ?? ''] ?? String(branch[0]?.expected));
  return [...new Set(types)].join(' or ');
}

function bound(issue: SchemaIssue, inclusive: string, exclusive: string, limit: number | bigint | undefined): string {
  const relation = issue.inclusive === false ? exclusive : inclusive;
  const value = String(limit);
  if (issue.origin === 'array' || issue.origin === 'set') return `${relation} ${value} ${limit === 1 ? 'item' : 'items'}`;
  if (issue.origin === 'string') return `${relation} ${value} ${limit === 1 ? 'character' : 'characters'}`;
  return `${relation} ${value}`;
}

function oneOf(values: readonly unknown[]): string {
  const listed = values.map((value) => JSON.stringify(value));
  if (listed.length === 1) return listed[0]!;
  return `one of ${listed.join(', ')}`;
}

/**
 * Returns the discriminator's own value for a discriminated union issue,
 * whose path ends at the discriminator but whose input is the whole object.
 */
function discriminatorValue(issue: SchemaIssue): { input: unknown } | undefined {
  if (issue.discriminator === undefined) return undefined;
  const input = issue.input;
  if (typeof input !== 'object' || input === null) return { input };
  return { input: (input as Record<string, unknown>)[issue.discriminator] };
}

/** Describes the value an issue is about, shortening long strings. */
function describeValue(issue: { input?: unknown }): string {
  if (!('input' in issue) || issue.input === undefined) return 'it is missing';
  const value = issue.input;
  if (value === null) return 'it is null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `it is the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return `it is ${typeof value === 'number' ? 'the number ' : ''}${String(value)}`;
  if (Array.isArray(value)) return `it is an array of ${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  return `it is ${typeof value === 'object' ? 'an object' : `of type ${typeof value}`}`;
}
