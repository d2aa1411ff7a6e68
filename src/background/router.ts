/**
 * The worker's one `runtime.onMessage` listener. Each message is validated
 * against its kind's schema and its sender is checked before its handler
 * runs. A message of an unknown kind is left unanswered so that another
 * part of the extension may answer it, because a listener that returns a
 * promise claims the reply.
 */
import * as z from 'zod/mini';
import type { Runtime } from '../extension/browser.ts';
import { createLogger } from '../extension/logger.ts';
import {
  REQUEST_SCHEMAS,
  REQUEST_SENDERS,
  type Reply,
  type RequestKind,
  type RequestOf,
  type ResponseOf,
} from './messages.ts';

const log = createLogger('router');

export type Handlers = {
  [K in RequestKind]: (request: RequestOf<K>, sender: Runtime.MessageSender) => Promise<ResponseOf[K]>;
};

export interface SenderChecks {
  isExtensionPage(sender: Runtime.MessageSender): boolean;
  isContentScript(sender: Runtime.MessageSender): Promise<boolean>;
}

const isKind = (kind: unknown): kind is RequestKind =>
  typeof kind === 'string' && Object.hasOwn(REQUEST_SCHEMAS, kind);

export function createRouter(handlers: Handlers, senders: SenderChecks) {
  return (message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
    const kind = (message as { kind?: unknown } | null)?.kind;
    if (!isKind(kind)) return undefined;

    return route(kind, message, sender);
  };

  async function route(kind: RequestKind, message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> {
    const allowed =
      REQUEST_SENDERS[kind] === 'extension-page'
        ? senders.isExtensionPage(sender)
        : await senders.isContentScript(sender);
    if (!allowed) {
      log.debug(`rejected ${kind} from an unexpected sender`, sender.url);
      return { ok: false, error: `${kind} is not accepted from this sender.` };
    }

    const parsed = z.safeParse(REQUEST_SCHEMAS[kind], message);
    if (!parsed.success) return { ok: false, error: `Invalid ${kind} message: ${z.prettifyError(parsed.error)}` };

    try {
      const handler = handlers[kind] as (request: unknown, sender: Runtime.MessageSender) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, sender) };
    } catch (error) {
      log.error(`${kind} failed`, error);
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
