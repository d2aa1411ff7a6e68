/**
 * SHA-256 digests through WebCrypto (`crypto.subtle`), which Node 20,
 * service workers, Web Workers and extension pages all provide.
 */
import { canonicalJson } from './canonical-json.ts';

export const DIGEST_ALGORITHM = 'SHA-256';

/** Returns the lowercase hex SHA-256 digest of the UTF-8 bytes of `text`. */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = new Uint8Array(await crypto.subtle.digest(DIGEST_ALGORITHM, bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Returns the SHA-256 digest of the canonical JSON of `value`. */
export function digestOf(value: unknown): Promise<string> {
  return sha256Hex(canonicalJson(value));
}
