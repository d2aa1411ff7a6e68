/**
 * The forms a principal may take in the Principal element, and what each
 * value is normalized to. IAM allows no partial wildcards in principals:
 * `*` under the AWS key (or as the whole Principal) is the only wildcard.
 */
import type { PrincipalType } from './types.ts';

export const PRINCIPAL_KEYS = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;
export type PrincipalKey = (typeof PRINCIPAL_KEYS)[number];

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

/** The reason an AWS principal value is not valid; the message table explains each one. */
export type AwsPrincipalProblem =
  | 'account-id'
  | 'region'
  | 'partition'
  | 'service'
  | 'resource-type'
  | 'missing-name'
  | 'group'
  | 'service-principal'
  | 'not-arn'
  | 'fields'
  | 'whitespace';

export interface AwsPrincipal {
  normalized?: string;
  /** A repaired spelling, for a value with one of the usual slips (a missing colon, a missing :root, stray spaces). */
  suggestion?: string;
  form?: 'any' | 'account' | 'root' | 'user' | 'role' | 'assumed-role' | 'federated-user' | 'unique-id';
  problem?: AwsPrincipalProblem;
}

const ACCOUNT_ID = /^\d{12}$/;
/** Unique IDs of users (AIDA) and roles (AROA), which IAM shows in place of a deleted principal. */
const UNIQUE_ID = /^A(IDA|ROA)[A-Z0-9]{13,}$/;
/** An optional path (`division/team/`) and a name, as in role/division/team/NAME. */
const IAM_PATH_AND_NAME = /^(?:[\w+=,.@-]+\/)*[\w+=,.@-]+$/;

export function hasWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}

const classified = new Map<string, AwsPrincipal>();

/** Classifies an AWS principal value; results are memoized, because several checks ask about the same values. */
export function classifyAwsPrincipal(value: string): AwsPrincipal {
  let result = classified.get(value);
  if (!result) {
    result = classify(value);
    if (result.problem) {
      const suggestion = repairAwsPrincipal(value);
      if (suggestion) result.suggestion = suggestion;
    }
    if (classified.size >= 1000) classified.clear();
    classified.set(value, result);
  }
  return result;
}

function classify(value: string): AwsPrincipal {
  if (value === '*') return { normalized: '*', form: 'any' };
  if (value !== value.trim() || /\s/.test(value)) return { problem: 'whitespace' };
  if (ACCOUNT_ID.test(value)) return { normalized: `arn:aws:iam::${value}:root`, form: 'account' };
  if (UNIQUE_ID.test(value)) return { normalized: value, form: 'unique-id' };
  if (/\.amazonaws\.com(\.cn)?$/.test(value)) return { problem: 'service-principal' };
  if (!value.startsWith('arn:')) return { problem: 'not-arn' };

  const parts = value.split(':');
  if (parts.length < 6) return { problem: 'fields' };
  const [, partition = '', service = '', region = '', account = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (!PARTITIONS.includes(partition)) return { problem: 'partition' };
  if (service !== 'iam' && service !== 'sts') return { problem: 'service' };
  if (region !== '') return { problem: 'region' };
  if (!ACCOUNT_ID.test(account)) return { problem: 'account-id' };
  return classifyResource(value, service, resource);
}

/** Repairs `arn:aws:iam:123456789012:root` (one colon), a bare account ARN without `:root`, and surrounding spaces. */
function repairAwsPrincipal(value: string): string | undefined {
  const candidates = [
    value.trim(),
    value.trim().replace(/^arn:([\w-]+):(iam|sts):(\d{12}):/, 'arn:$1:$2::$3:'),
    `${value.trim().replace(/:$/, '')}:root`,
  ];
  return candidates.find((candidate) => candidate !== value && classify(candidate).problem === undefined);
}

function classifyResource(value: string, service: string, resource: string): AwsPrincipal {
  const slash = resource.indexOf('/');
  const type = slash === -1 ? resource : resource.slice(0, slash);
  const rest = slash === -1 ? '' : resource.slice(slash + 1);
  if (service === 'iam') {
    if (resource === 'root') return { normalized: value, form: 'root' };
    if (type === 'group') return { problem: 'group' };
    if (type !== 'user' && type !== 'role') return { problem: 'resource-type' };
    if (!IAM_PATH_AND_NAME.test(rest)) return { problem: 'missing-name' };
    return { normalized: value, form: type };
  }
  if (type === 'assumed-role') {
    return /^[\w+=,.@-]+\/[\w+=,.@-]+$/.test(rest)
      ? { normalized: value, form: 'assumed-role' }
      : { problem: 'missing-name' };
  }
  if (type === 'federated-user') {
    return /^[\w+=,.@-]+$/.test(rest) ? { normalized: value, form: 'federated-user' } : { problem: 'missing-name' };
  }
  return { problem: 'resource-type' };
}

export type ServicePrincipalProblem = 'missing-domain' | 'uppercase' | 'arn' | 'format';

/** Service principals look like `service-name.amazonaws.com` (`.amazonaws.com.cn` in China Regions). */
export function classifyServicePrincipal(value: string): ServicePrincipalProblem | undefined {
  if (/^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*\.amazonaws\.com(\.cn)?$/.test(value)) return undefined;
  if (/^[a-z0-9][a-z0-9.-]*\.amazon\.com$/.test(value)) return undefined;
  if (value.startsWith('arn:')) return 'arn';
  if (value.toLowerCase() !== value && classifyServicePrincipal(value.toLowerCase()) === undefined) return 'uppercase';
  if (/^[A-Za-z0-9-]+$/.test(value)) return 'missing-domain';
  return 'format';
}

export type FederatedPrincipalProblem = 'format' | 'provider-type' | 'account-id';

/** Federated principals are an identity provider's domain name or an IAM SAML or OIDC provider ARN. */
export function classifyFederatedPrincipal(value: string): FederatedPrincipalProblem | undefined {
  if (value.startsWith('arn:')) {
    const match = /^arn:([\w-]+):iam::([^:]*):([\w-]+)\/(.+)$/.exec(value);
    if (!match) return 'format';
    const [, partition = '', account = '', type = ''] = match;
    if (!PARTITIONS.includes(partition)) return 'format';
    if (!ACCOUNT_ID.test(account)) return 'account-id';
    if (type !== 'saml-provider' && type !== 'oidc-provider') return 'provider-type';
    return undefined;
  }
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[\w.~%-]+)*$/i.test(value) ? undefined : 'format';
}

export function isSamlProvider(value: string): boolean {
  return /^arn:[\w-]+:iam::\d{12}:saml-provider\//.test(value);
}

export function isOidcProvider(value: string): boolean {
  return /^arn:[\w-]+:iam::\d{12}:oidc-provider\//.test(value) || !value.startsWith('arn:');
}

/** Returns the value a principal is compared by: account IDs become account root ARNs. */
export function normalizePrincipalValue(type: PrincipalType, value: string): string {
  if (type === 'AWS') return classifyAwsPrincipal(value).normalized ?? value;
  return value;
}
