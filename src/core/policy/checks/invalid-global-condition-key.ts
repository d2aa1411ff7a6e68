import type { Severity } from '../../findings.ts';
import { catalogue, conditionKeyType } from '../catalogue/catalogue.ts';
import type { PolicyContext } from '../context.ts';
import { conditionEntries, objectStatements } from '../document.ts';
import { closest } from '../suggest.ts';

export const code = 'INVALID_GLOBAL_CONDITION_KEY';
export const severity: Severity = 'warning';
export const description = 'An aws: condition key is not one of the global condition keys in the catalogue.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const entry of conditionEntries(statement).entries) {
      if (!entry.key.toLowerCase().startsWith('aws:') || conditionKeyType(entry.key) !== undefined) continue;
      const data: Record<string, unknown> = { key: entry.key };
      const suggestion = closest(entry.key, globalKeyNames(), 3);
      if (suggestion) data.suggestion = suggestion;
      context.report(entry.keyNode.name, entry.keyPath, data);
    }
  }
}

let names: string[] | undefined;

/** Global key names in their documented spelling, for suggestions. */
function globalKeyNames(): string[] {
  names ??= [...catalogue().globalKeys.keys()].map((lower) => GLOBAL_SPELLINGS.get(lower) ?? lower);
  return names;
}

const GLOBAL_SPELLINGS = new Map(
  ['aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:PrincipalOrgID', 'aws:PrincipalType', 'aws:SourceIp', 'aws:SourceArn',
    'aws:SourceAccount', 'aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:SecureTransport', 'aws:CurrentTime',
    'aws:RequestedRegion', 'aws:SourceVpc', 'aws:SourceVpce', 'aws:userid', 'aws:username', 'aws:SourceIdentity',
    'aws:TagKeys', 'aws:CalledVia', 'aws:ViaAWSService', 'aws:EpochTime', 'aws:TokenIssueTime', 'aws:FederatedProvider',
    'aws:PrincipalIsAWSService', 'aws:PrincipalServiceName', 'aws:ResourceAccount', 'aws:ResourceOrgID', 'aws:UserAgent',
    'aws:referer'].map((name) => [name.toLowerCase(), name]),
);
