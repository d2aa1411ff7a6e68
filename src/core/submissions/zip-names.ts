/** Decodes and checks the names of ZIP archive entries. */
import { FLAG_UTF8 } from './zip-records.ts';

/** Code page 437, bytes 0x80 to 0xFF: the encoding of ZIP names without the UTF-8 flag. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0';

/**
 * Decodes an entry name as UTF-8 when the bytes are valid UTF-8, and
 * otherwise as code page 437 unless the entry has the UTF-8 flag, in which
 * case it returns undefined.
 *
 * NOTE: a name without the UTF-8 flag is read as UTF-8 whenever it is
 * valid UTF-8, so a CP437 name that happens to be valid UTF-8 is misread.
 * The Info-ZIP Unicode Path extra field (0x7075) is not read.
 */
export function decodeEntryName(bytes: Uint8Array, flags: number): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (flags & FLAG_UTF8) return undefined;
  }
  let name = '';
  for (const byte of bytes) name += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
  return name;
}

/** Characters no file name needs that can hide or reorder a name when it is shown. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/**
 * Returns why an entry name is unsafe to show or to take a learner id
 * from, or undefined when it is fine: an absolute path, a drive letter, a
 * `..` segment, or a control or bidirectional formatting character.
 */
export function unsafeNameReason(name: string): string | undefined {
  const control = CONTROL.exec(name);
  if (control) {
    const code = control[0].charCodeAt(0);
    const kind = code < 0x20 || (code >= 0x7f && code <= 0x9f) ? 'control' : 'invisible formatting';
    return `it contains the ${kind} character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  if (name.startsWith('/') || name.startsWith('\\')) return 'it is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'it starts with a drive letter';
  if (name.split(/[/\\]/).includes('..')) return 'it has a ".." segment that points outside the archive';
  return undefined;
}
