/** Name transformation and did-you-mean matching, as botocore and Python's difflib do them. */

const FIRST_CAP = /(.)([A-Z][a-z]+)/g;
const END_CAP = /([a-z0-9])([A-Z])/g;
const SPECIAL_PLURAL = /[A-Z]{2,}s$/;
/** Names botocore transforms by table rather than by rule (botocore `_xform_cache`). */
const SPECIAL_NAMES: Record<string, string> = {
  CreateCachediSCSIVolume: 'create-cached-iscsi-volume',
  DescribeCachediSCSIVolumes: 'describe-cached-iscsi-volumes',
  DescribeStorediSCSIVolumes: 'describe-stored-iscsi-volumes',
  CreateStorediSCSIVolume: 'create-stored-iscsi-volume',
  ListHITsForQualificationType: 'list-hits-for-qualification-type',
  ExecutePartiQLStatement: 'execute-partiql-statement',
  ExecutePartiQLTransaction: 'execute-partiql-transaction',
  ExecutePartiQLBatch: 'execute-partiql-batch',
};

/**
 * Converts an API name to its CLI form as botocore's `xform_name(name, '-')` does:
 * `ListMFADevices` becomes `list-mfa-devices` and `PolicyARNs` becomes `policy-arns`.
 */
export function xformName(name: string): string {
  if (name.includes('-')) return name;
  const special = SPECIAL_NAMES[name];
  if (special) return special;

  let text = name;
  const plural = SPECIAL_PLURAL.exec(text);
  if (plural) text = `${text.slice(0, -plural[0].length)}-${plural[0].toLowerCase()}`;
  return text.replace(FIRST_CAP, '$1-$2').replace(END_CAP, '$1-$2').toLowerCase();
}

/** Returns the length of the longest common block and its start in `a` and `b`. */
function longestMatch(a: string, b: string, aLo: number, aHi: number, bLo: number, bHi: number): [number, number, number] {
  let best: [number, number, number] = [aLo, bLo, 0];
  let lengths = new Map<number, number>();
  for (let i = aLo; i < aHi; i++) {
    const next = new Map<number, number>();
    for (let j = bLo; j < bHi; j++) {
      if (a[i] !== b[j]) continue;
      const length = (lengths.get(j - 1) ?? 0) + 1;
      next.set(j, length);
      if (length > best[2]) best = [i - length + 1, j - length + 1, length];
    }
    lengths = next;
  }
  return best;
}

function matchingCharacters(a: string, b: string): number {
  let total = 0;
  const queue: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [aLo, aHi, bLo, bHi] = queue.pop() ?? [0, 0, 0, 0];
    const [i, j, size] = longestMatch(a, b, aLo, aHi, bLo, bHi);
    if (size === 0) continue;
    total += size;
    if (aLo < i && bLo < j) queue.push([aLo, i, bLo, j]);
    if (i + size < aHi && j + size < bHi) queue.push([i + size, aHi, j + size, bHi]);
  }
  return total;
}

/** Counts of each UTF-16 code unit of a text, by code unit modulo 256. */
function letterCounts(text: string): Int32Array {
  const counts = new Int32Array(256);
  for (let i = 0; i < text.length; i++) {
    const slot = text.charCodeAt(i) & 255;
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  return counts;
}

const available = new Int32Array(256);

/**
 * Returns an upper bound of the letters `text` shares with the multiset `counts`, as difflib's
 * `quick_ratio` does. Folding code units modulo 256 can only raise the bound, so no match is lost.
 */
function sharedLetters(counts: Int32Array, text: string): number {
  available.set(counts);
  let shared = 0;
  for (let i = 0; i < text.length; i++) {
    const slot = text.charCodeAt(i) & 255;
    if ((available[slot] ?? 0) > 0) {
      shared += 1;
      available[slot] = (available[slot] ?? 0) - 1;
    }
  }
  return shared;
}

/** Returns the similarity of two strings as difflib's `SequenceMatcher.ratio()` does. */
export function similarity(a: string, b: string): number {
  const length = a.length + b.length;
  return length === 0 ? 1 : (2 * matchingCharacters(a, b)) / length;
}

/**
 * Returns up to `limit` candidates similar to `word`, best first, as difflib's
 * `get_close_matches` does (the AWS CLI uses a cutoff of 0.8 for services and operations).
 */
export function closeMatches(word: string, candidates: Iterable<string>, cutoff = 0.6, limit = 3): string[] {
  // Very long input is never close to a name; skipping it keeps hostile input fast.
  if (word.length > 200) return [];
  const scored: Array<[number, string]> = [];
  const letters = letterCounts(word);
  for (const candidate of candidates) {
    // difflib's cheap upper bounds first: the lengths alone, then the shared letters.
    const total = candidate.length + word.length;
    if (total === 0 || (2 * Math.min(candidate.length, word.length)) / total < cutoff) continue;
    if ((2 * sharedLetters(letters, candidate)) / total < cutoff) continue;
    const score = similarity(candidate, word);
    if (score >= cutoff) scored.push([score, candidate]);
  }
  // difflib keeps the highest scores, and among equal scores the greatest strings.
  scored.sort((x, y) => {
    if (x[0] !== y[0]) return y[0] - x[0];
    if (x[1] === y[1]) return 0;
    return x[1] > y[1] ? -1 : 1;
  });
  return scored.slice(0, limit).map(([, candidate]) => candidate);
}
