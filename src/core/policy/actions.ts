/**
 * Action strings (`service:Action`, case-insensitive, `*` and `?`
 * wildcards) and their expansion against the catalogue.
 */
import { catalogue, findService } from './catalogue/catalogue.ts';

/** The STS actions a role trust policy grants; IAM rejects others ("may only specify STS AssumeRole actions"). */
export const TRUST_POLICY_ACTIONS = [
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:TagSession',
  'sts:SetSourceIdentity',
  'sts:SetContext',
] as const;

const TRUST_ACTIONS_LOWER = new Set(TRUST_POLICY_ACTIONS.map((action) => action.toLowerCase()));

export function isTrustPolicyAction(action: string): boolean {
  return TRUST_ACTIONS_LOWER.has(action.toLowerCase());
}

const ACTION_FORMAT = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$/;

export interface ParsedAction {
  service: string;
  name: string;
}

/** Splits `service:Action`; returns undefined when the text is not in that format (and not `*`). */
export function parseAction(value: string): ParsedAction | undefined {
  if (value === '*') return { service: '*', name: '*' };
  if (!ACTION_FORMAT.test(value)) return undefined;
  const colon = value.indexOf(':');
  return { service: value.slice(0, colon), name: value.slice(colon + 1) };
}

export function hasWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}

/**
 * IAM wildcard matching: `*` matches any run of characters, `?` one
 * character, case-insensitively. It walks both strings once, going back
 * only to the last `*`, so a pattern of many stars takes time in
 * proportion to the two lengths multiplied at worst, never exponential time
 * as a backtracking regular expression would (`sts:**************x`).
 */
export function wildcardMatches(pattern: string, value: string): boolean {
  if (!hasWildcard(pattern)) return pattern.toLowerCase() === value.toLowerCase();

  const p = pattern.toLowerCase();
  const v = value.toLowerCase();
  let pi = 0;
  let vi = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === v[vi]))) {
      pi += 1;
      vi += 1;
    } else if (pi < p.length && p[pi] === '*') {
      starAt = pi;
      resumeAt = vi;
      pi += 1;
    } else if (starAt !== -1) {
      pi = starAt + 1;
      resumeAt += 1;
      vi = resumeAt;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi += 1;
  return pi === p.length;
}

/**
 * Returns whether every action that `other` matches is also matched by
 * `pattern`, ignoring case. Each `*` and `?` of `other` stands for any
 * text, so only a `*` of `pattern` covers a `*` of `other`, and a literal
 * of `pattern` covers only the same literal. The dynamic program takes
 * time in proportion to the two lengths multiplied. It may return false
 * for a few patterns that do cover (`*?` covers `a*`), never true for one
 * that does not.
 */
export function wildcardCovers(pattern: string, other: string): boolean {
  const p = pattern.toLowerCase();
  const o = other.toLowerCase();
  // next[j]: whether p from i + 1 covers o from j; row[j]: the same from i.
  let next = new Uint8Array(o.length + 1);
  next[o.length] = 1;
  for (let i = p.length - 1; i >= 0; i -= 1) {
    const row = new Uint8Array(o.length + 1);
    const char = p[i];
    for (let j = o.length; j >= 0; j -= 1) {
      if (char === '*') {
        row[j] = next[j] === 1 || (j < o.length && row[j + 1] === 1) ? 1 : 0;
      } else if (j === o.length || o[j] === '*') {
        row[j] = 0;
      } else if (char === '?' || (o[j] !== '?' && char === o[j])) {
        row[j] = next[j + 1] ?? 0;
      }
    }
    next = row;
  }
  return next[0] === 1;
}

/** Lists every catalogued action (lower-cased `service:action`) that `pattern` matches. */
export function expandAction(pattern: string): string[] {
  const parsed = parseAction(pattern);
  if (!parsed) return [];

  const services = hasWildcard(parsed.service)
    ? [...catalogue().services.values()].filter((service) => wildcardMatches(parsed.service, service.prefix))
    : [findService(parsed.service)].filter((service) => service !== undefined);
  const result: string[] = [];
  for (const service of services) {
    for (const name of service.actions) {
      if (wildcardMatches(parsed.name, name)) result.push(`${service.prefix}:${name.toLowerCase()}`);
    }
  }
  return result;
}

/** Returns the catalogue spelling of one action without wildcards, or undefined when it does not exist. */
export function findAction(service: string, name: string): string | undefined {
  const entry = findService(service);
  const spelled = entry?.actionsByLowerName.get(name.toLowerCase());
  return entry && spelled ? `${entry.prefix}:${spelled}` : undefined;
}
