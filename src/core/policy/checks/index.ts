/** Every policy check, in the order they run. A check module is named after its code in kebab case. */
import type { PolicyCheck } from '../context.ts';
import * as policyDocumentTooLong from './policy-document-too-long.ts';
import * as nestingTooDeep from './nesting-too-deep.ts';
import * as jsonSyntaxError from './json-syntax-error.ts';
import * as unsupportedCharacter from './unsupported-character.ts';
import * as policySizeExceedsRoleTrustPolicyQuota from './policy-size-exceeds-role-trust-policy-quota.ts';
import * as policySizeExceedsIdentityPolicyQuota from './policy-size-exceeds-identity-policy-quota.ts';
import * as duplicateKey from './duplicate-key.ts';
import * as dataTypeMismatch from './data-type-mismatch.ts';
import * as invalidPolicyElement from './invalid-policy-element.ts';
import * as missingVersion from './missing-version.ts';
import * as legacyVersion from './legacy-version.ts';
import * as invalidVersion from './invalid-version.ts';
import * as missingStatement from './missing-statement.ts';
import * as missingEffect from './missing-effect.ts';
import * as invalidEffect from './invalid-effect.ts';
import * as unsupportedSid from './unsupported-sid.ts';
import * as emptySidValue from './empty-sid-value.ts';
import * as uniqueSidsRequired from './unique-sids-required.ts';
import * as missingPrincipal from './missing-principal.ts';
import * as unsupportedPrincipal from './unsupported-principal.ts';
import * as roleTrustPolicySyntaxErrorNotprincipal from './role-trust-policy-syntax-error-notprincipal.ts';
import * as roleTrustPolicySyntaxErrorResource from './role-trust-policy-syntax-error-resource.ts';
import * as missingResource from './missing-resource.ts';
import * as missingAction from './missing-action.ts';
import * as invalidArnPrefix from './invalid-arn-prefix.ts';
import * as missingArnField from './missing-arn-field.ts';
import * as unsupportedElementCombination from './unsupported-element-combination.ts';
import * as roleTrustPolicyUnsupportedWildcardInPrincipal from './role-trust-policy-unsupported-wildcard-in-principal.ts';
import * as invalidPrincipalFormat from './invalid-principal-format.ts';
import * as invalidPrincipalKey from './invalid-principal-key.ts';
import * as unsupportedWildcardInPrincipal from './unsupported-wildcard-in-principal.ts';
import * as invalidServicePrincipalFormat from './invalid-service-principal-format.ts';
import * as invalidFederatedPrincipalSyntaxInRoleTrustPolicy from './invalid-federated-principal-syntax-in-role-trust-policy.ts';
import * as invalidActionFormat from './invalid-action-format.ts';
import * as invalidServiceInAction from './invalid-service-in-action.ts';
import * as invalidAction from './invalid-action.ts';
import * as wildcardInServiceName from './wildcard-in-service-name.ts';
import * as unsupportedActionInPolicy from './unsupported-action-in-policy.ts';
import * as wildcardActionInRoleTrustPolicy from './wildcard-action-in-role-trust-policy.ts';
import * as mismatchedActionForPrincipal from './mismatched-action-for-principal.ts';
import * as missingActionForRolesAnywhereTrustPolicy from './missing-action-for-roles-anywhere-trust-policy.ts';
import * as invalidConditionOperator from './invalid-condition-operator.ts';
import * as nullWithIfExists from './null-with-if-exists.ts';
import * as invalidConditionKeyFormat from './invalid-condition-key-format.ts';
import * as invalidGlobalConditionKey from './invalid-global-condition-key.ts';
import * as invalidServiceConditionKey from './invalid-service-condition-key.ts';
import * as duplicateKeysWithDifferentCase from './duplicate-keys-with-different-case.ts';
import * as emptyObjectCondition from './empty-object-condition.ts';
import * as emptyArrayCondition from './empty-array-condition.ts';
import * as wildcardWithoutLikeOperator from './wildcard-without-like-operator.ts';
import * as typeMismatchBoolean from './type-mismatch-boolean.ts';
import * as typeMismatchNumber from './type-mismatch-number.ts';
import * as typeMismatchDate from './type-mismatch-date.ts';
import * as typeMismatchIpRange from './type-mismatch-ip-range.ts';
import * as forallvaluesWithSingleValuedKey from './forallvalues-with-single-valued-key.ts';
import * as allowWithNotPrincipal from './allow-with-not-principal.ts';
import * as anyPrincipalWithoutCondition from './any-principal-without-condition.ts';
import * as missingConditionKeyForOidcPrincipal from './missing-condition-key-for-oidc-principal.ts';
import * as missingGithubRepoConditionKey from './missing-github-repo-condition-key.ts';
import * as emptyArrayAction from './empty-array-action.ts';
import * as emptyArrayPrincipal from './empty-array-principal.ts';
import * as emptyObjectPrincipal from './empty-object-principal.ts';
import * as emptyArrayResource from './empty-array-resource.ts';
import * as redundantAction from './redundant-action.ts';
import * as redundantPrincipal from './redundant-principal.ts';
import * as redundantPrincipalInRoleTrustPolicy from './redundant-principal-in-role-trust-policy.ts';
import * as redundantStatement from './redundant-statement.ts';

export const CHECKS: readonly PolicyCheck[] = [
  policyDocumentTooLong,
  nestingTooDeep,
  jsonSyntaxError,
  unsupportedCharacter,
  policySizeExceedsRoleTrustPolicyQuota,
  policySizeExceedsIdentityPolicyQuota,
  duplicateKey,
  dataTypeMismatch,
  invalidPolicyElement,
  missingVersion,
  legacyVersion,
  invalidVersion,
  missingStatement,
  missingEffect,
  invalidEffect,
  unsupportedSid,
  emptySidValue,
  uniqueSidsRequired,
  missingPrincipal,
  unsupportedPrincipal,
  roleTrustPolicySyntaxErrorNotprincipal,
  roleTrustPolicySyntaxErrorResource,
  missingResource,
  missingAction,
  invalidArnPrefix,
  missingArnField,
  unsupportedElementCombination,
  roleTrustPolicyUnsupportedWildcardInPrincipal,
  invalidPrincipalFormat,
  invalidPrincipalKey,
  unsupportedWildcardInPrincipal,
  invalidServicePrincipalFormat,
  invalidFederatedPrincipalSyntaxInRoleTrustPolicy,
  invalidActionFormat,
  invalidServiceInAction,
  invalidAction,
  wildcardInServiceName,
  unsupportedActionInPolicy,
  wildcardActionInRoleTrustPolicy,
  mismatchedActionForPrincipal,
  missingActionForRolesAnywhereTrustPolicy,
  invalidConditionOperator,
  nullWithIfExists,
  invalidConditionKeyFormat,
  invalidGlobalConditionKey,
  invalidServiceConditionKey,
  duplicateKeysWithDifferentCase,
  emptyObjectCondition,
  emptyArrayCondition,
  wildcardWithoutLikeOperator,
  typeMismatchBoolean,
  typeMismatchNumber,
  typeMismatchDate,
  typeMismatchIpRange,
  forallvaluesWithSingleValuedKey,
  allowWithNotPrincipal,
  anyPrincipalWithoutCondition,
  missingConditionKeyForOidcPrincipal,
  missingGithubRepoConditionKey,
  emptyArrayAction,
  emptyArrayPrincipal,
  emptyObjectPrincipal,
  emptyArrayResource,
  redundantAction,
  redundantPrincipal,
  redundantPrincipalInRoleTrustPolicy,
  redundantStatement,
];

export const CHECKS_BY_CODE: ReadonlyMap<string, PolicyCheck> = new Map(CHECKS.map((check) => [check.code, check]));
