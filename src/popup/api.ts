/** Typed requests from the popup to the background worker (src/background/messages.ts). */
import { browser } from '../extension/browser.ts';
import type { Reply, RequestKind, RequestOf, ResponseOf } from '../background/messages.ts';

export async function request<K extends RequestKind>(message: RequestOf<K> & { kind: K }): Promise<ResponseOf[K]> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<ResponseOf[K]> | undefined;
  if (!reply) throw new Error(`The background worker did not reply to ${message.kind}.`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
