/**
 * Sends one request from an extension page to the background worker and
 * unwraps its reply. The send function is a parameter, so that the tests
 * run this in Node without the WebExtension API.
 */
import type { Reply } from '../background/messages.ts';

/** A function that sends a message to the background worker and resolves with its reply, as `runtime.sendMessage` does. */
export type SendMessage = (message: { kind: string }) => Promise<unknown>;

/**
 * Sends `message` and returns the reply's value, or throws the reply's
 * error. A rejected send means that no worker replied, for example because
 * Firefox unloaded its event page or Chrome stopped its service worker
 * while the request ran. The request is then sent once more, which starts
 * a new worker; every request kind can be repeated with the same result.
 * `onRetry` is called with the first send's error.
 */
export async function sendRequest<T>(
  send: SendMessage,
  message: { kind: string },
  onRetry: (error: unknown) => void = () => undefined,
): Promise<T> {
  let reply: Reply<T> | undefined;
  try {
    reply = (await send(message)) as Reply<T> | undefined;
  } catch (error) {
    onRetry(error);
    reply = (await send(message)) as Reply<T> | undefined;
  }
  if (!reply) throw new Error(`The background worker did not reply to ${message.kind}.`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
