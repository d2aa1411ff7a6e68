/**
 * Makes learner-supplied text safe to show among other text: in a CSV
 * cell, an XML attribute, a Gradescope test or a terminal line. Control
 * characters (C0, DEL, C1, which include line breaks and the escape that
 * starts terminal sequences), Unicode bidirectional and invisible format
 * characters (U+202E, U+2066, U+200B, U+FEFF, ...), line and paragraph
 * separators, and lone surrogates become a visible `\uXXXX` escape. So a
 * learner id can neither start a new row or line, nor reorder or hide the
 * text shown after it.
 */
/** Characters other than C0 controls and surrogates that `visibleText` replaces. */
const FORMAT_CHARS = '\\u007F-\\u009F\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u206F\\uFEFF\\uFFF9-\\uFFFB';

const UNSAFE = new RegExp(
  [
    `[\\u0000-\\u001F${FORMAT_CHARS}]`,
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
  'g',
);
/** JSON.stringify already escapes C0 controls and lone surrogates inside strings, and raw C0 outside them is layout. */
const JSON_UNSAFE = new RegExp(`[${FORMAT_CHARS}]`, 'g');

const escape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Replaces every character that could hide, reorder or break the surrounding output with `\uXXXX`. */
export function visibleText(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * Serializes `value` as JSON that decodes to the same data, with the
 * characters `visibleText` replaces written as JSON `\uXXXX` escapes, so
 * that JSON shown in a terminal cannot move the cursor or reorder text.
 */
export function jsonText(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(JSON_UNSAFE, escape);
}
