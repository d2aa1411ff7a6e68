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

const patternCache = new Map<string, RegExp>();

/** IAM wildcard matching: `*` matches any run of characters, `?` one character, case-insensitively. */
export function wildcardMatches(pattern: string, value: string): boolean {
  if (!hasWildcard(pattern)) return pattern.toLowerCase() === value.toLowerCase();
  let regex = patternCache.get(pattern);
  if (!regex) {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    regex = new RegExp(`^${source}$`, 'is');
    if (patternCache.size > 1000) patternCache.clear();
    patternCache.set(pattern, regex);
  }
  return regex.test(value);
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
