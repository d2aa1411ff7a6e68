/**
 * Characters that look like the ASCII a shell command needs but are not: the
 * dashes, spaces, invisible characters and full-width forms that word
 * processors, chat apps, web pages and East Asian input methods put into
 * pasted commands. Names are the Unicode character names (Unicode 15, as
 * Python's unicodedata prints them).
 */

export type LookalikeKind = 'dash' | 'space' | 'invisible' | 'quote' | 'fullwidth';

export interface CharacterDescription {
  character: string;
  /** `U+2014`. */
  codePoint: string;
  /** `EM DASH`. */
  name: string;
}

/** Characters typed in place of the ASCII hyphen-minus. */
const DASHES: Record<string, string> = {
  '\u2010': 'HYPHEN',
  '\u2011': 'NON-BREAKING HYPHEN',
  '\u2012': 'FIGURE DASH',
  '\u2013': 'EN DASH',
  '\u2014': 'EM DASH',
  '\u2015': 'HORIZONTAL BAR',
  '\u2212': 'MINUS SIGN',
  '\ufe58': 'SMALL EM DASH',
  '\ufe63': 'SMALL HYPHEN-MINUS',
  '\uff0d': 'FULLWIDTH HYPHEN-MINUS',
};

/** Spaces that a shell does not split words at. */
const SPACES: Record<string, string> = {
  '\u00a0': 'NO-BREAK SPACE',
  '\u1680': 'OGHAM SPACE MARK',
  '\u2000': 'EN QUAD',
  '\u2001': 'EM QUAD',
  '\u2002': 'EN SPACE',
  '\u2003': 'EM SPACE',
  '\u2004': 'THREE-PER-EM SPACE',
  '\u2005': 'FOUR-PER-EM SPACE',
  '\u2006': 'SIX-PER-EM SPACE',
  '\u2007': 'FIGURE SPACE',
  '\u2008': 'PUNCTUATION SPACE',
  '\u2009': 'THIN SPACE',
  '\u200a': 'HAIR SPACE',
  '\u202f': 'NARROW NO-BREAK SPACE',
  '\u205f': 'MEDIUM MATHEMATICAL SPACE',
  '\u3000': 'IDEOGRAPHIC SPACE',
};

/** Characters that take no room on screen. */
const INVISIBLES: Record<string, string> = {
  '\u00ad': 'SOFT HYPHEN',
  '\u200b': 'ZERO WIDTH SPACE',
  '\u200c': 'ZERO WIDTH NON-JOINER',
  '\u200d': 'ZERO WIDTH JOINER',
  '\u200e': 'LEFT-TO-RIGHT MARK',
  '\u200f': 'RIGHT-TO-LEFT MARK',
  '\u2060': 'WORD JOINER',
  '\ufeff': 'ZERO WIDTH NO-BREAK SPACE',
};

/** Typographic quotes, which a shell reads as ordinary characters. */
export const CURLY_QUOTES: Record<string, string> = {
  '\u2018': 'LEFT SINGLE QUOTATION MARK',
  '\u2019': 'RIGHT SINGLE QUOTATION MARK',
  '\u201a': 'SINGLE LOW-9 QUOTATION MARK',
  '\u201b': 'SINGLE HIGH-REVERSED-9 QUOTATION MARK',
  '\u201c': 'LEFT DOUBLE QUOTATION MARK',
  '\u201d': 'RIGHT DOUBLE QUOTATION MARK',
  '\u201e': 'DOUBLE LOW-9 QUOTATION MARK',
  '\u201f': 'DOUBLE HIGH-REVERSED-9 QUOTATION MARK',
  '\uff02': 'FULLWIDTH QUOTATION MARK',
  '\uff07': 'FULLWIDTH APOSTROPHE',
};

/** Unicode names of the printable ASCII characters that are not letters or digits. */
const ASCII_PUNCTUATION: Record<string, string> = {
  '!': 'EXCLAMATION MARK', '"': 'QUOTATION MARK', '#': 'NUMBER SIGN', $: 'DOLLAR SIGN', '%': 'PERCENT SIGN',
  '&': 'AMPERSAND', "'": 'APOSTROPHE', '(': 'LEFT PARENTHESIS', ')': 'RIGHT PARENTHESIS', '*': 'ASTERISK',
  '+': 'PLUS SIGN', ',': 'COMMA', '-': 'HYPHEN-MINUS', '.': 'FULL STOP', '/': 'SOLIDUS', ':': 'COLON',
  ';': 'SEMICOLON', '<': 'LESS-THAN SIGN', '=': 'EQUALS SIGN', '>': 'GREATER-THAN SIGN', '?': 'QUESTION MARK',
  '@': 'COMMERCIAL AT', '[': 'LEFT SQUARE BRACKET', '\\': 'REVERSE SOLIDUS', ']': 'RIGHT SQUARE BRACKET',
  '^': 'CIRCUMFLEX ACCENT', _: 'LOW LINE', '`': 'GRAVE ACCENT', '{': 'LEFT CURLY BRACKET', '|': 'VERTICAL LINE',
  '}': 'RIGHT CURLY BRACKET', '~': 'TILDE',
};

const DIGIT_NAMES = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'];

/** The full-width forms U+FF01 to U+FF5E are the ASCII characters U+0021 to U+007E shifted by this. */
const FULLWIDTH_OFFSET = 0xfee0;

const isFullwidthForm = (code: number): boolean => code >= 0xff01 && code <= 0xff5e;

/** Returns the Unicode name of a printable ASCII character. */
function asciiName(char: string): string {
  if (char >= 'a' && char <= 'z') return `LATIN SMALL LETTER ${char.toUpperCase()}`;
  if (char >= 'A' && char <= 'Z') return `LATIN CAPITAL LETTER ${char}`;
  if (char >= '0' && char <= '9') return `DIGIT ${DIGIT_NAMES[Number(char)] ?? ''}`;
  return ASCII_PUNCTUATION[char] ?? '';
}

/** Returns the kind of lookalike `char` is, or undefined for any other character. */
export function lookalikeKind(char: string): LookalikeKind | undefined {
  if (Object.hasOwn(DASHES, char)) return 'dash';
  if (Object.hasOwn(SPACES, char)) return 'space';
  if (Object.hasOwn(INVISIBLES, char)) return 'invisible';
  if (Object.hasOwn(CURLY_QUOTES, char)) return 'quote';
  return isFullwidthForm(char.charCodeAt(0)) ? 'fullwidth' : undefined;
}

/** Returns the ASCII character a lookalike stands for: `-`, a space, nothing, a quote or the ASCII form. */
export function asciiFor(char: string): string {
  const kind = lookalikeKind(char);
  if (kind === 'dash') return '-';
  if (kind === 'space') return ' ';
  if (kind === 'invisible') return '';
  if (kind === 'quote') return char === '\u2018' || char === '\u2019' || char === '\u201a' || char === '\u201b' || char === '\uff07' ? "'" : '"';
  if (kind === 'fullwidth') return String.fromCharCode(char.charCodeAt(0) - FULLWIDTH_OFFSET);
  return char;
}

/**
 * Returns the code point and Unicode name of a character. The name is empty for characters other
 * than printable ASCII, the lookalikes and the full-width forms.
 */
export function describeCharacter(char: string): CharacterDescription {
  const code = char.codePointAt(0) ?? 0;
  const codePoint = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  let name = DASHES[char] ?? SPACES[char] ?? INVISIBLES[char] ?? CURLY_QUOTES[char] ?? '';
  if (code > 0x20 && code < 0x7f) name = asciiName(char);
  else if (isFullwidthForm(code)) name = `FULLWIDTH ${asciiName(String.fromCharCode(code - FULLWIDTH_OFFSET))}`;
  return { character: char, codePoint, name };
}

/** Returns the index of the first character of `text` of one of `kinds`, or -1. */
export function findLookalike(text: string, kinds: readonly LookalikeKind[], from = 0, to = text.length): number {
  for (let i = from; i < to; i++) {
    const kind = lookalikeKind(text[i] ?? '');
    if (kind && kinds.includes(kind)) return i;
  }
  return -1;
}
