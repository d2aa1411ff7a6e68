/**
 * One pass over the raw text before parsing. It measures what the quotas
 * count, and finds deep nesting (which would overflow the recursive
 * parser's stack) and raw control characters inside strings (which JSON
 * forbids but the parser accepts).
 */

/** IAM's CreateRole and CreatePolicy accept policy documents of at most 131,072 characters. */
export const MAX_DOCUMENT_LENGTH = 131_072;

/** Real policies nest at most six levels deep (Statement, Condition, operator, values); deeper text is not parsed. */
export const MAX_DEPTH = 64;

/** Reporting stops after this many bad characters, so that binary input stays cheap. */
const MAX_REPORTED_CHARACTERS = 10;

export interface TextScan {
  /** Characters other than space, tab, CR and LF, as the IAM quotas count them. */
  nonWhitespace: number;
  /** Offset of the first bracket deeper than MAX_DEPTH, or -1. */
  tooDeepAt: number;
  /** Offsets of characters outside tab, LF, CR and U+0020-U+00FF. */
  unsupportedCharacters: number[];
  /** Offsets of raw control characters (below U+0020) inside JSON strings. */
  controlCharactersInStrings: number[];
}

export function scanText(text: string): TextScan {
  let nonWhitespace = 0;
  let depth = 0;
  let tooDeepAt = -1;
  let inString = false;
  const unsupportedCharacters: number[] = [];
  const controlCharactersInStrings: number[] = [];

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      if (inString && c !== 0x20 && controlCharactersInStrings.length < MAX_REPORTED_CHARACTERS) {
        controlCharactersInStrings.push(i);
      }
      continue;
    }
    nonWhitespace++;
    if ((c < 0x20 || c > 0xff) && unsupportedCharacters.length < MAX_REPORTED_CHARACTERS) {
      unsupportedCharacters.push(i);
    }
    if (inString) {
      if (c === 0x5c && i + 1 < text.length) {
        // The escaped character counts toward the quota too, whatever it is.
        nonWhitespace++;
        i++;
      } else if (c === 0x22) {
        inString = false;
      } else if (c < 0x20 && controlCharactersInStrings.length < MAX_REPORTED_CHARACTERS) {
        controlCharactersInStrings.push(i);
      }
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > MAX_DEPTH && tooDeepAt === -1) tooDeepAt = i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return { nonWhitespace, tooDeepAt, unsupportedCharacters, controlCharactersInStrings };
}
