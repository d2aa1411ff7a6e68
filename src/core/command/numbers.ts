/**
 * Python's `int()` and `float()` on text, which the AWS CLI calls on integer and number option
 * values. Like CPython, they read any Unicode decimal digit (`１２００`, `٣٦٠٠`) as its ASCII
 * digit, and Unicode whitespace around the number as a space.
 */

/** Python's int and float syntax, with the ASCII whitespace that CPython strips around a number. */
const PYTHON_INT = /^[ \t\n\v\f\r]*[+-]?\d+(?:_\d+)*[ \t\n\v\f\r]*$/;
const PYTHON_FLOAT =
  /^[ \t\n\v\f\r]*[+-]?(?:(?:\d+(?:_\d+)*)?\.?\d+(?:_\d+)*(?:[eE][+-]?\d+(?:_\d+)*)?|\d+(?:_\d+)*\.(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)[ \t\n\v\f\r]*$/i;

/** The whitespace above U+007F that Python's `str.isspace()` accepts. */
const UNICODE_SPACE = /[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/**
 * Unicode decimal digits. NOTE: the JavaScript engine's Unicode (17.0 in Node 20.20) has digits
 * that the CLI's Python 3.11 (Unicode 14) does not, such as Kawi's (U+11F50), which pass here.
 */
const DECIMAL_DIGIT = /\p{Nd}/u;

/** ASCII digits by Unicode digit, cached because finding one takes up to 50 regex tests. */
const asciiDigits = new Map<string, string>();

/** Returns the ASCII digit of a Unicode decimal digit. */
function asciiDigit(char: string): string {
  let digit = asciiDigits.get(char);
  if (digit !== undefined) return digit;

  // Decimal digits come in runs of ten, from 0 to 9, so a digit's value is its place in its run.
  let code = char.codePointAt(0) ?? 0;
  let place = 0;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(code - 1))) {
    code -= 1;
    place += 1;
  }
  digit = String(place % 10);
  asciiDigits.set(char, digit);
  return digit;
}

/**
 * Returns the text as CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII` passes it to the
 * number parser: characters below U+007F as they are, Unicode whitespace as a space and Unicode
 * digits as ASCII digits. Returns undefined for any other character, which CPython rejects.
 */
function asciiNumberText(text: string): string | undefined {
  // Most values are ASCII, and they need no character-by-character pass.
  if (/^[\x00-\x7e]*$/.test(text)) return text;

  let result = '';
  for (const char of text) {
    if ((char.codePointAt(0) ?? 0) < 0x7f) result += char;
    else if (UNICODE_SPACE.test(char)) result += ' ';
    else if (DECIMAL_DIGIT.test(char)) result += asciiDigit(char);
    else return undefined;
  }
  return result;
}

/** Returns true when Python's `int()` or `float()` accepts `value`. */
export function isPythonNumber(value: string, type: 'int' | 'float'): boolean {
  const text = asciiNumberText(value);
  return text !== undefined && (type === 'int' ? PYTHON_INT : PYTHON_FLOAT).test(text);
}

/** Returns Python's `int(value)`, or undefined when it raises ValueError. */
export function pythonInt(value: string): bigint | undefined {
  const text = asciiNumberText(value);
  if (text === undefined || !PYTHON_INT.test(text)) return undefined;
  return BigInt(text.trim().replaceAll('_', ''));
}

/** Returns Python's `float(value)`, or undefined when it raises ValueError. */
export function pythonFloat(value: string): number | undefined {
  const text = asciiNumberText(value);
  if (text === undefined || !PYTHON_FLOAT.test(text)) return undefined;
  const cleaned = text.trim().replaceAll('_', '').toLowerCase();
  if (cleaned.endsWith('nan')) return NaN;
  if (cleaned.endsWith('inf') || cleaned.endsWith('infinity')) return cleaned.startsWith('-') ? -Infinity : Infinity;
  return Number(cleaned);
}

/** Returns whether a number's text has digits that are not ASCII, such as full-width ones. */
export function hasNonAsciiDigits(value: string): boolean {
  for (const char of value) if (char.charCodeAt(0) >= 0x80 && DECIMAL_DIGIT.test(char)) return true;
  return false;
}

/**
 * Returns an option value as the CLI stores it after parsing: the text itself without a type, a number for
 * `int` and `float`, and undefined when Python rejects it.
 */
export function pythonNumberValue(value: string, type: 'int' | 'float' | undefined): string | number | undefined {
  if (type === undefined) return value;
  if (type === 'float') return pythonFloat(value);
  const integer = pythonInt(value);
  return integer === undefined ? undefined : Number(integer);
}
