/**
 * The message table of the policy validator: every finding's message and
 * hint are rendered here from its code and data, so that the popup, the CLI
 * and reports show the same text.
 */
import type { Finding } from '../findings.ts';
import { TRUST_POLICY_ACTIONS } from './actions.ts';

type Data = Record<string, unknown>;
export interface RenderedMessage {
  message: string;
  hint?: string;
}
type Render = (data: Data) => RenderedMessage;

/** Quotes a learner's value for display, shortened so that a huge value cannot flood the output. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const shortened = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return JSON.stringify(shortened);
}

const str = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));
const list = (value: unknown): string => (Array.isArray(value) ? value.map(str).join(', ') : str(value));
const didYouMean = (data: Data): string => (data.suggestion ? ` Did you mean ${quote(data.suggestion)}?` : '');

const SYNTAX: Record<string, Render> = {
  empty: () => ({
    message: 'The policy is empty.',
    hint: 'A policy is a JSON object: start with { "Version": "2012-10-17", "Statement": [ ... ] }.',
  }),
  'byte-order-mark': () => ({
    message: 'The text starts with a byte order mark (U+FEFF), which IAM does not accept.',
    hint: 'Save the file as UTF-8 without a byte order mark (in Notepad: "UTF-8", not "UTF-8 with BOM").',
  }),
  'trailing-comma': () => ({
    message: 'There is a comma after the last item of an object or array.',
    hint: 'Remove this comma: JSON, unlike JavaScript and Python, allows no comma before } or ].',
  }),
  'single-quote': () => ({
    message: "A string or key is in single quotes (').",
    hint: 'Use double quotes ("): JSON strings and keys are always double-quoted. In Python, json.dumps(policy) writes JSON; str(policy) does not.',
  }),
  'smart-quote': (data) => ({
    message: `The text has a typographic quote ${str(data.quote)} in place of a straight double quote.`,
    hint: 'Replace curly quotes with " (word processors and chat apps change them as you type; paste from a code editor).',
  }),
  comment: () => ({
    message: 'The policy contains a comment.',
    hint: 'Remove the comment: JSON has no comments, and IAM rejects a policy that has one. A Sid can label a statement.',
  }),
  'python-literal': (data) => ({
    message: `${str(data.literal)} is Python, not JSON.`,
    hint: `Write ${str(data.expected)} in lower case, or build the policy as a dict and convert it with json.dumps().`,
  }),
  'unquoted-key': (data) => ({
    message: `The key ${str(data.key)} is not in double quotes.`,
    hint: `Write "${str(data.key)}": JSON keys are always double-quoted strings.`,
  }),
  'missing-colon': () => ({
    message: 'A colon is missing after this key.',
    hint: 'Write the key, a colon, then its value, as in "Effect": "Allow".',
  }),
  'unusual-space': (data) => ({
    message: `The text has a special space character (${str(data.character)}) where JSON allows only ordinary spaces, tabs and line breaks.`,
    hint: 'Retype the spaces around this point: copying from a web page or a word processor often brings in no-break spaces.',
  }),
  'missing-comma': () => ({
    message: 'A comma is missing between two items.',
    hint: 'Add a comma before this item: members of an object and elements of an array are separated by commas.',
  }),
  'unclosed-bracket': (data) => ({
    message: `This ${str(data.bracket)} is never closed.`,
    hint: `Add the matching ${data.bracket === '[' ? ']' : '}'}: every { needs a } and every [ a ].`,
  }),
  'unclosed-string': () => ({
    message: 'This string has no closing double quote.',
    hint: 'Add the closing " at the end of the string.',
  }),
  'control-character': (data) => ({
    message: `A string contains a raw control character (${str(data.character)}), such as a line break or tab.`,
    hint: 'Keep each string on one line: JSON strings cannot contain raw line breaks or tabs (write \\n or \\t if you need them).',
  }),
  'extra-text': (data) => ({
    message: `There is more text (${quote(data.found)}) after the end of the policy.`,
    hint: 'A policy is one JSON object: remove the extra text or bracket, or merge the statements into one Statement array.',
  }),
  'missing-braces': () => ({
    message: 'The policy starts with a key, not with {.',
    hint: 'Wrap the whole policy in { and }: a policy document is one JSON object.',
  }),
  yaml: () => ({
    message: 'The policy looks like YAML, not JSON.',
    hint: 'IAM takes a JSON policy document here: write it as { "Version": "2012-10-17", "Statement": [ ... ] }.',
  }),
  unexpected: (data) => ({
    message: `Unexpected ${data.found === 'end of text' ? 'end of text' : quote(data.found)} in the JSON.`,
    hint: 'Check the JSON syntax just before this point: quotes, commas, colons and brackets.',
  }),
};

const PRINCIPAL_PROBLEMS: Record<string, string> = {
  'account-id': 'its account ID is not 12 digits',
  region: 'IAM and STS ARNs have an empty Region field (arn:aws:iam::ACCOUNT:...)',
  partition: 'its partition is not aws, aws-cn, aws-us-gov or another AWS partition',
  service: 'a principal ARN is an iam or sts ARN',
  'resource-type': 'it names neither the account root, a user, a role, an assumed-role session nor a federated user',
  'missing-name': 'the name after the resource type is missing or malformed',
  group: 'an IAM group cannot be a principal; name its users, or a role they assume',
  'service-principal': 'it is a service principal, which goes under the "Service" key, not "AWS"',
  'not-arn': 'it is neither a 12-digit account ID, an ARN, nor "*"',
  fields: 'an ARN has six colon-separated fields, as in arn:aws:iam::123456789012:root, where the Region field is empty',
  whitespace: 'it contains spaces',
  'canonical-user': 'a canonical user ID is 64 lower-case hexadecimal characters',
  'not-object': 'Principal must be an object such as {"AWS": "arn:aws:iam::123456789012:root"}, or "*"',
};

const typeMismatch: Render = (data) => ({
  message: `${str(data.operator)} compares ${quote(data.key)} with ${quote(data.value)}, which is not ${str(data.expected).replace(/ such as .*/, '')}.`,
  hint: `Write ${str(data.expected)}; a value of the wrong type never matches, so the condition is never true.`,
});

const MESSAGES: Record<string, Render> = {
  POLICY_DOCUMENT_TOO_LONG: (data) => ({
    message: `The policy is ${str(data.length)} characters long; IAM accepts at most ${str(data.maximum)}.`,
    hint: 'Check that you pasted only the policy document. It was not checked further.',
  }),
  NESTING_TOO_DEEP: (data) => ({
    message: `Brackets nest more than ${str(data.maximum)} levels deep here.`,
    hint: 'A policy nests at most six levels (Statement, Condition, operator, key, values); look for brackets opened by mistake.',
  }),
  JSON_SYNTAX_ERROR: (data) => (SYNTAX[str(data.fault)] ?? SYNTAX.unexpected!)(data),
  UNSUPPORTED_CHARACTER: (data) => ({
    message: `The character ${str(data.character)} is not allowed in an IAM policy.`,
    hint: 'IAM accepts tab, line breaks and the characters U+0020 to U+00FF; retype this character (curly quotes and dashes often come from word processors).',
  }),
  POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA: (data) => ({
    message: `The trust policy has ${str(data.size)} characters excluding whitespace; the quota is ${str(data.quota)}.`,
    hint: 'Combine statements and remove repeated principals; the default quota of 2,048 can be raised to 4,096 through Service Quotas.',
  }),
  POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA: (data) => ({
    message: `The policy has ${str(data.size)} characters excluding whitespace; the quota is ${str(data.quota)}.`,
    hint: 'Use wildcards for families of actions or split the policy into several managed policies.',
  }),
  DUPLICATE_KEY: (data) => ({
    message: `The key ${quote(data.key)} appears a second time in this object (first on line ${str(data.firstLine)}).`,
    hint: 'Merge the two into one key, using an array for several values; otherwise only the last one counts.',
  }),
  DATA_TYPE_MISMATCH: (data) => {
    if (data.element === 'policy') {
      if (data.doubleEncoded) {
        return {
          message: 'The policy is a JSON string that contains JSON, not a JSON object.',
          hint: 'The policy was encoded twice (json.dumps or JSON.stringify applied to a string); encode the object once.',
        };
      }
      return {
        message: `The policy is a JSON ${str(data.found)}; it must be an object.`,
        hint: 'Start the policy with { "Version": "2012-10-17", "Statement": [ ... ] }.',
      };
    }
    return {
      message: `${str(data.element)} is a ${str(data.found)}; expected a ${str(data.expected)}.`,
      hint: data.element === 'Statement' ? 'Statement is one statement object or an array of them.' : 'Change the value to the expected JSON type; put quotes around text values.',
    };
  },
  INVALID_POLICY_ELEMENT: (data) => ({
    message: `${quote(data.element)} is not a ${str(data.level)} element.${didYouMean(data)}`,
    hint: data.level === 'policy'
      ? 'A policy has only Version, Id and Statement at the top level; element names are case-sensitive.'
      : 'A statement has only Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition; names are case-sensitive.',
  }),
  MISSING_VERSION: () => ({
    message: 'The policy has no Version element.',
    hint: 'Add "Version": "2012-10-17": without it IAM uses the 2008-10-17 language, in which policy variables do not work.',
  }),
  LEGACY_VERSION: () => ({
    message: 'Version "2008-10-17" is the old policy language.',
    hint: 'Use "2012-10-17", the current version, which supports policy variables.',
  }),
  INVALID_VERSION: (data) => ({
    message: `Version ${quote(data.version)} is not a policy language version; use one of ${list(data.versions)}.`,
    hint: 'Version names the policy language, not today\'s date: write "2012-10-17" exactly.',
  }),
  MISSING_STATEMENT: (data) => ({
    message: data.empty ? 'Statement is an empty array.' : 'The policy has no Statement element.',
    hint: 'Add at least one statement with Effect, Principal and Action.',
  }),
  MISSING_EFFECT: () => ({
    message: 'This statement has no Effect.',
    hint: 'Add "Effect": "Allow" (or "Deny"); every statement needs one.',
  }),
  INVALID_EFFECT: (data) => ({
    message: `Effect ${quote(data.effect)} is not valid; use "Allow" or "Deny".${didYouMean(data)}`,
    hint: 'Effect values are case-sensitive: IAM rejects "allow" and "ALLOW".',
  }),
  UNSUPPORTED_SID: (data) => ({
    message: `Sid ${quote(data.sid)} contains ${quote(data.characters)}; an IAM Sid may contain only letters and digits.`,
    hint: 'Remove spaces, hyphens and other punctuation from the Sid, for example "AllowAssumeRole".',
  }),
  EMPTY_SID_VALUE: () => ({
    message: 'Sid is an empty string.',
    hint: 'Give the statement a short name of letters and digits, or remove the Sid.',
  }),
  UNIQUE_SIDS_REQUIRED: (data) => ({
    message: `Sid ${quote(data.sid)} is already used by the statement on line ${str(data.firstLine)}.`,
    hint: 'Give each statement its own Sid; IAM rejects a policy with duplicate statement IDs.',
  }),
  MISSING_PRINCIPAL: () => ({
    message: 'This statement has no Principal, so no one is allowed to assume the role.',
    hint: 'Add a Principal that names who is trusted, such as an account, a user or a role under the "AWS" key.',
  }),
  UNSUPPORTED_PRINCIPAL: (data) => ({
    message: `An identity policy cannot have a ${str(data.element)} element.`,
    hint: 'Remove it: an identity policy applies to the user, group or role it is attached to. Principals belong in trust and resource policies.',
  }),
  ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL: () => ({
    message: 'Role trust policies do not support NotPrincipal.',
    hint: 'Use a Principal element that names who may assume the role.',
  }),
  ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE: (data) => ({
    message: `A role trust policy cannot have a ${str(data.element)} element.`,
    hint: 'Remove it: a trust policy always applies to the role it is attached to. Resources belong in the role\'s permissions policy.',
  }),
  MISSING_RESOURCE: () => ({
    message: 'This statement has neither Resource nor NotResource.',
    hint: 'Add a Resource with the ARNs the actions apply to ("*" for all).',
  }),
  INVALID_ARN_PREFIX: (data) => ({
    message: `Resource ${quote(data.resource)} is not an ARN.`,
    hint: 'A resource is "*" or an ARN such as arn:aws:s3:::my-bucket/*; add the arn: prefix and the missing fields.',
  }),
  MISSING_ARN_FIELD: (data) => ({
    message: `Resource ${quote(data.resource)} has ${str(data.fields)} of the 6 ARN fields.`,
    hint: 'An ARN has the form arn:partition:service:region:account:resource; keep empty fields, as in arn:aws:s3:::my-bucket.',
  }),
  MISSING_ACTION: (data) => ({
    message: 'This statement has neither Action nor NotAction.',
    hint: data.kind === 'trust' ? 'Add the action the trusted principal may perform, such as "sts:AssumeRole".' : 'Add the actions the statement allows or denies.',
  }),
  UNSUPPORTED_ELEMENT_COMBINATION: (data) => ({
    message: `${str(data.element1)} and ${str(data.element2)} cannot be used in the same statement.`,
    hint: `Keep one of them: ${str(data.element2)} means everything except what it lists.`,
  }),
  ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL: () => ({
    message: '"Principal": "*" is not supported in a role trust policy.',
    hint: 'Name the trusted principal under a principal key, such as {"AWS": "arn:aws:iam::123456789012:root"}.',
  }),
  INVALID_PRINCIPAL_FORMAT: (data) => ({
    message: data.value !== undefined
      ? `Principal ${quote(data.value)} is not valid: ${PRINCIPAL_PROBLEMS[str(data.reason)] ?? 'unknown format'}.${didYouMean(data)}`
      : `Principal is a ${str(data.found)}: ${PRINCIPAL_PROBLEMS['not-object']}.`,
    hint: data.reason === 'not-object'
      ? 'Put the value under a principal key: "AWS" for accounts, users and roles, "Service" for AWS services, "Federated" for identity providers.'
      : 'An AWS principal is a 12-digit account ID or an ARN such as arn:aws:iam::123456789012:role/NAME.',
  }),
  INVALID_PRINCIPAL_KEY: (data) => ({
    message: `${quote(data.key)} is not a principal key.${didYouMean(data)}`,
    hint: 'Principal keys are exactly AWS, Service, Federated and CanonicalUser (case-sensitive).',
  }),
  UNSUPPORTED_WILDCARD_IN_PRINCIPAL: (data) => ({
    message: `Principal ${quote(data.value)} under ${str(data.key)} uses a wildcard, which principals do not support.`,
    hint: 'Name each principal in full. To match many principals, use "*" with a condition such as aws:PrincipalArn with ArnLike.',
  }),
  INVALID_SERVICE_PRINCIPAL_FORMAT: (data) => ({
    message: `Service principal ${quote(data.value)} is not in the form service-name.amazonaws.com.${didYouMean(data)}`,
    hint: data.reason === 'arn'
      ? 'ARNs of accounts, users and roles go under the "AWS" key; "Service" takes names such as ec2.amazonaws.com.'
      : 'Service principals are lower case and end in .amazonaws.com, for example ec2.amazonaws.com.',
  }),
  INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY: (data) => ({
    message: `Federated principal ${quote(data.value)} is neither a provider domain name nor a SAML or OIDC provider ARN.`,
    hint: 'Use a domain such as accounts.google.com, or arn:aws:iam::ACCOUNT:saml-provider/NAME or arn:aws:iam::ACCOUNT:oidc-provider/HOST.',
  }),
  INVALID_ACTION_FORMAT: (data) => ({
    message: `Action ${quote(data.action)} is not in the form service:ActionName.${didYouMean(data)}`,
    hint: 'An action is a service prefix, a colon and an action name, with no spaces, for example "sts:AssumeRole".',
  }),
  INVALID_SERVICE_IN_ACTION: (data) => ({
    message: `The service ${quote(data.service)} in action ${quote(data.action)} does not exist.${didYouMean(data)}`,
    hint: 'The service prefix is the short service name used in ARNs and policies, such as sts, iam or s3.',
  }),
  INVALID_ACTION: (data) => ({
    message: data.wildcard
      ? `Action ${quote(data.action)} matches no action of its service.`
      : `The action ${quote(data.action)} does not exist.${didYouMean(data)}`,
    hint: 'Check the spelling against the service\'s list of actions; action names are case-insensitive.',
  }),
  WILDCARD_IN_SERVICE_NAME: (data) => ({
    message: `The service prefix ${quote(data.service)} in ${quote(data.action)} has a wildcard.`,
    hint: 'Name the service in full: a wildcard in the prefix also matches other and future services with similar names.',
  }),
  UNSUPPORTED_ACTION_IN_POLICY: (data) => ({
    message: `Action ${quote(data.action)} cannot be granted by a role trust policy.`,
    hint: `A trust policy says who may assume the role, so it grants only ${TRUST_POLICY_ACTIONS.join(', ')}. Permissions such as ${quote(data.service)} actions belong in the role's permissions policy.`,
  }),
  WILDCARD_ACTION_IN_ROLE_TRUST_POLICY: (data) => ({
    message: data.notAction
      ? `NotAction grants every STS action it does not list, including ${list(data.matches)}.`
      : `Action ${quote(data.action)} grants ${list(data.matches)}, not one named action.`,
    hint: 'Name the assume action the principal needs, such as "sts:AssumeRole", so the trust policy grants no more than that.',
  }),
  MISMATCHED_ACTION_FOR_PRINCIPAL: (data) => ({
    message: `The ${str(data.action)} action does not fit the principal(s) ${list(data.principals)}.`,
    hint: data.need === 'saml'
      ? 'sts:AssumeRoleWithSAML needs a Federated SAML provider ARN (arn:aws:iam::ACCOUNT:saml-provider/NAME).'
      : data.need === 'oidc'
        ? 'sts:AssumeRoleWithWebIdentity needs a Federated OIDC provider (an oidc-provider ARN or a domain such as accounts.google.com).'
        : 'Federated principals use sts:AssumeRoleWithSAML or sts:AssumeRoleWithWebIdentity; sts:AssumeRole is for AWS principals and services.',
  }),
  MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY: (data) => ({
    message: `IAM Roles Anywhere also needs ${list(data.missing)} to assume this role.`,
    hint: 'Grant sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession to rolesanywhere.amazonaws.com.',
  }),
  INVALID_CONDITION_OPERATOR: (data) => ({
    message: `The condition operator ${quote(data.operator)} is not valid.${didYouMean(data)}`,
    hint: 'Operators are case-sensitive names such as StringEquals, ArnLike or Bool, optionally prefixed with ForAnyValue: or ForAllValues: and suffixed with IfExists.',
  }),
  NULL_WITH_IF_EXISTS: (data) => ({
    message: `${quote(data.operator)}: the Null operator cannot take the IfExists suffix.`,
    hint: 'Use "Null" alone: it already tests whether the key is present.',
  }),
  INVALID_CONDITION_KEY_FORMAT: (data) => ({
    message: `The condition key ${quote(data.key)} is not in the form prefix:name.`,
    hint: 'Condition keys look like aws:SourceIp, sts:ExternalId or accounts.google.com:aud.',
  }),
  INVALID_GLOBAL_CONDITION_KEY: (data) => ({
    message: `The condition key ${quote(data.key)} is not a known global condition key.${didYouMean(data)}`,
    hint: 'A condition on a key that never appears in the request is never true (unless the operator ends in IfExists).',
  }),
  INVALID_SERVICE_CONDITION_KEY: (data) => ({
    message: data.knownService
      ? `The condition key ${quote(data.key)} does not exist in the service ${quote(data.service)}.${didYouMean(data)}`
      : `The prefix ${quote(data.service)} of condition key ${quote(data.key)} is neither a service nor an identity provider.`,
    hint: 'Check the key against the service\'s list of condition keys; key names are case-insensitive.',
  }),
  DUPLICATE_KEYS_WITH_DIFFERENT_CASE: (data) => ({
    message: `The condition key ${quote(data.key)} repeats ${quote(data.first)} in different capitalization.`,
    hint: 'Condition key names are case-insensitive, so both are the same key: merge their values into one array.',
  }),
  EMPTY_OBJECT_CONDITION: (data) => ({
    message: `${str(data.element)} is an empty object and restricts nothing.`,
    hint: 'Add a condition, or remove the empty block.',
  }),
  EMPTY_ARRAY_CONDITION: (data) => ({
    message: `The condition key ${quote(data.key)} has no values.`,
    hint: 'Add the values to compare with, or remove the key.',
  }),
  WILDCARD_WITHOUT_LIKE_OPERATOR: (data) => ({
    message: `${str(data.operator)} compares ${quote(data.value)} literally, so * and ? are not wildcards here.`,
    hint: `If you meant a wildcard, use ${str(data.suggestion)}.`,
  }),
  TYPE_MISMATCH_BOOLEAN: typeMismatch,
  TYPE_MISMATCH_NUMBER: typeMismatch,
  TYPE_MISMATCH_DATE: typeMismatch,
  TYPE_MISMATCH_IP_RANGE: typeMismatch,
  FORALLVALUES_WITH_SINGLE_VALUED_KEY: (data) => ({
    message: `ForAllValues: with the single-valued key ${quote(data.key)} is also true when the key is missing from the request.`,
    hint: 'Remove the ForAllValues: prefix; set operators are for multivalued keys.',
  }),
  ALLOW_WITH_NOT_PRINCIPAL: () => ({
    message: 'Allow with NotPrincipal grants access to every principal not listed, including anonymous ones.',
    hint: 'Name the principals that need access in a Principal element instead.',
  }),
  ANY_PRINCIPAL_WITHOUT_CONDITION: (data) => ({
    message: data.kind === 'trust'
      ? 'This statement lets any principal in any AWS account assume the role.'
      : 'This statement grants access to any principal.',
    hint: 'Name the trusted account, user or role instead of "*", or add a Condition that limits who qualifies (such as aws:PrincipalOrgID).',
  }),
  MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL: (data) => ({
    message: `The OIDC provider ${quote(data.provider)} is trusted with no condition on its keys.`,
    hint: `Add a condition on ${str(data.provider)}:aud (and :sub) so that only your application's tokens can assume the role.`,
  }),
  MISSING_GITHUB_REPO_CONDITION_KEY: () => ({
    message: 'GitHub Actions is trusted without a condition on token.actions.githubusercontent.com:sub.',
    hint: 'Add a StringLike condition on token.actions.githubusercontent.com:sub naming your repository and branch; otherwise any repository can assume the role.',
  }),
  EMPTY_ARRAY_ACTION: (data) => ({
    message: `${str(data.element)} is an empty array, so this statement has no effect.`,
    hint: 'List the actions, or remove the statement.',
  }),
  EMPTY_ARRAY_PRINCIPAL: (data) => ({
    message: `The principal key ${quote(data.key)} has an empty array.`,
    hint: 'List the principals, or remove the key.',
  }),
  EMPTY_OBJECT_PRINCIPAL: (data) => ({
    message: `${str(data.element)} is an empty object, so it names no principal.`,
    hint: 'Add a principal key such as "AWS" with the account, user or role to trust.',
  }),
  EMPTY_ARRAY_RESOURCE: (data) => ({
    message: `${str(data.element)} is an empty array, so this statement applies to nothing.`,
    hint: 'List the resource ARNs, or remove the statement.',
  }),
  REDUNDANT_ACTION: (data) => ({
    message: `Action ${quote(data.action)} is already granted by ${quote(data.coveredBy)} in the same list.`,
    hint: 'Remove the repeated action; it changes nothing.',
  }),
  REDUNDANT_PRINCIPAL: (data) => ({
    message: `Principal ${quote(data.principal)} is already covered by ${quote(data.duplicateOf)}.`,
    hint: 'Remove the repeat: a 12-digit account ID and its arn:aws:iam::ACCOUNT:root ARN are the same principal.',
  }),
  REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY: (data) => ({
    message: `The assumed-role session ${quote(data.principal)} is redundant with its parent role ${quote(data.parentRole)}.`,
    hint: 'Remove the assumed-role principal; trusting the role already covers its sessions.',
  }),
  REDUNDANT_STATEMENT: (data) => ({
    message: `This statement repeats statement ${str(data.first)}.`,
    hint: 'Remove one of them, so a later edit to one does not silently leave the other in place.',
  }),
  INTERNAL_ERROR: () => ({
    message: 'The validator failed on this input, which is a bug in Lab Check.',
    hint: 'The policy was not fully checked; please report the input that caused this.',
  }),
};

export function hasMessage(code: string): boolean {
  return code in MESSAGES;
}

/** Fills in a finding's message and hint from its code and data. */
export function renderFinding(finding: Finding): Finding {
  const render = MESSAGES[finding.code];
  if (!render) return { ...finding, message: finding.code };
  const data = finding.data ?? {};
  const rendered = render(data);
  const omitted = typeof data.omitted === 'number' ? data.omitted : 0;
  const message = omitted > 0 ? `${rendered.message} ${omitted} more findings of this kind are not listed.` : rendered.message;
  return rendered.hint === undefined ? { ...finding, message } : { ...finding, message, hint: rendered.hint };
}
