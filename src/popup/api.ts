/** Typed requests from the popup to the background worker (src/background/messages.ts). */
import { browser } from '../extension/browser.ts';
import { createLogger } from '../extension/logger.ts';
import type { RequestKind, RequestOf, ResponseOf } from '../background/messages.ts';
import { sendRequest } from './send-request.ts';

const log = createLogger('popup');

export function request<K extends RequestKind>(message: RequestOf<K> & { kind: K }): Promise<ResponseOf[K]> {
  return sendRequest<ResponseOf[K]>(
    (sent) => browser.runtime.sendMessage(sent),
    message,
    (error) => log.debug(`no worker replied to ${message.kind}, sending it again`, error),
  );
}
