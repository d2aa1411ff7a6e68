import type { Finding, SeverityOverrides, Span } from '../findings.ts';

/** A role trust policy (who may assume the role) or an identity-based permissions policy. */
export type PolicyKind = 'trust' | 'identity';

export interface ValidatePolicyOptions {
  /** Defaults to 'trust'. */
  kind?: PolicyKind;
  /** Maximum characters excluding whitespace; 2,048 for trust policies, 6,144 for identity policies. */
  sizeQuota?: number;
  overrides?: SeverityOverrides;
}

export interface PolicyValidation {
  /** True when no finding has error severity. */
  valid: boolean;
  findings: Finding[];
  /** The normalized grants, present when the text parsed to a JSON object. */
  policy?: NormalizedPolicy;
}

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*';

export interface NormalizedPrincipal {
  type: PrincipalType;
  /** An account ID such as '123456789012' is normalized to 'arn:aws:iam::123456789012:root'. */
  value: string;
}

export interface NormalizedCondition {
  operator: string;
  key: string;
  values: string[];
}

export interface NormalizedStatement {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  principals?: NormalizedPrincipal[];
  notPrincipals?: NormalizedPrincipal[];
  /** Lower-cased. */
  actions?: string[];
  /** Lower-cased. */
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  conditions: NormalizedCondition[];
  span?: Span;
}

export interface NormalizedPolicy {
  version?: string;
  statements: NormalizedStatement[];
}
