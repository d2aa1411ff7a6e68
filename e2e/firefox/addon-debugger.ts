/**
 * What the add-on toolbox of about:debugging shows of one add-on, over the
 * Remote Debugging Protocol (rdp.ts): its documents (the event page, the
 * popup and other extension pages), the network requests that its Network
 * panel lists, and its "Terminate background script" button.
 *
 * The requests are those of the watcher's `network-event` resource for the
 * add-on's session. Firefox 153 observes them in the parent process and
 * keeps each HTTP, WebSocket, file: or data: channel whose loading
 * principal belongs to the add-on (`matchRequest` in its
 * devtools/shared/network-observer/NetworkUtils.sys.mjs).
 *
 * NOTE: that leaves out the content scripts' requests, which Firefox makes
 * with the page's or an expanded principal, and loads of the add-on's own
 * `moz-extension://` files, which never reach the network. Firefox 153
 * lists no worker of an add-on's session as a target, so code runs only in
 * the add-on's documents here, and no test shows a worker's request.
 */
import type { Browser } from 'puppeteer-core';
import { GECKO_ID } from '../../scripts/manifests.mjs';
import { launchFirefox } from './firefox.ts';
import { freeLoopbackPort, RdpClient, type Packet } from './rdp.ts';

const WAIT_MS = 15_000;
const POLL_MS = 50;

/** A document of the add-on, from the watcher's `target-available-form` event. */
export interface ExtensionDocument {
  url: string;
  innerWindowId: number;
  /** The document's target actor. */
  actor: string;
  consoleActor: string;
}

/** One network request of the add-on, from a `network-event` resource. */
export interface ObservedRequest {
  url: string;
  method: string;
  /** The inner window id of the document that made the request, or 0 when Firefox names none. */
  innerWindowId: number;
  /** The URL of the loading principal's document, such as `moz-extension://UUID/popup.html?tabId=2`. */
  loadingDocumentUri: string | null;
  /** The kind of load, as DevTools names it: `fetch`, `xhr`, `img`, `script`, `websocket`, … */
  cause: string;
}

/** The evaluation result of `evaluate`: a primitive value, or the type of the object grip. */
export type EvaluatedValue = string | number | boolean | null | { type: string };

interface TargetForm {
  actor: string;
  url: string;
  innerWindowId: number;
  consoleActor: string;
  isFallbackExtensionDocument?: boolean;
}

interface NetworkResource {
  url: string;
  method: string;
  innerWindowId?: number;
  cause?: { type?: string; loadingDocumentUri?: string | null };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class AddonDebugger {
  /** Every request observed since `attach`, in the order Firefox reported them. */
  readonly requests: ObservedRequest[] = [];
  /** The add-on's live documents by target actor. */
  private readonly documents = new Map<string, ExtensionDocument>();
  private readonly evaluations = new Map<string, Packet>();

  private constructor(
    private readonly client: RdpClient,
    private readonly descriptor: string,
  ) {
    client.on('target-available-form', (packet) => this.addDocument(packet['target'] as TargetForm));
    client.on('target-destroyed-form', (packet) => this.documents.delete((packet['target'] as TargetForm).actor));
    client.on('resources-available-array', (packet) => this.addResources(packet['array'] as Array<[string, unknown[]]>));
    client.on('evaluationResult', (packet) => this.evaluations.set(String(packet['resultID']), packet));
  }

  /**
   * Connects to the RDP server on `port`, finds the add-on `addonId` in the
   * root actor's `listAddons`, and watches its documents and requests.
   */
  static async attach(port: number, addonId: string): Promise<AddonDebugger> {
    const client = await RdpClient.connect(port);
    try {
      const descriptor = await findDescriptor(client, addonId);
      const addon = new AddonDebugger(client, descriptor.actor);
      const watcher = await client.request(descriptor.actor, 'getWatcher', { isServerTargetSwitchingEnabled: true });
      const watcherActor = String(watcher['actor']);
      await client.request(watcherActor, 'watchTargets', { targetType: 'frame' });
      await client.request(watcherActor, 'watchResources', { resourceTypes: ['network-event'] });
      return addon;
    } catch (error) {
      client.close();
      throw error;
    }
  }

  /** Returns the add-on's live documents whose URL starts with `prefix`. */
  documentsAt(prefix: string): ExtensionDocument[] {
    return [...this.documents.values()].filter((document) => document.url.startsWith(prefix));
  }

  /** Waits until the add-on has a live document whose URL starts with `prefix`, and returns the first. */
  async waitForDocument(prefix: string, ms = WAIT_MS): Promise<ExtensionDocument> {
    const deadline = Date.now() + ms;
    for (;;) {
      const [found] = this.documentsAt(prefix);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`The add-on has no document at ${prefix} after ${ms} ms.`);
      await sleep(POLL_MS);
    }
  }

  /**
   * Evaluates `expression` in `document`, as the toolbox's console does,
   * and returns its value, after awaiting it when it is a promise. Throws
   * when the expression throws or the promise rejects.
   */
  async evaluate(document: ExtensionDocument, expression: string): Promise<EvaluatedValue> {
    const reply = await this.client.request(document.consoleActor, 'evaluateJSAsync', {
      text: expression,
      mapped: { await: true },
    });
    const resultId = String(reply['resultID']);
    const deadline = Date.now() + WAIT_MS;
    let result = this.evaluations.get(resultId);
    while (!result) {
      if (Date.now() > deadline) throw new Error(`No result for ${expression} in ${document.url} after ${WAIT_MS} ms.`);
      await sleep(POLL_MS);
      result = this.evaluations.get(resultId);
    }
    this.evaluations.delete(resultId);
    if (result['hasException'] || result['topLevelAwaitRejected']) {
      throw new Error(`${expression} failed in ${document.url}: ${String(result['exceptionMessage'] ?? 'the promise was rejected')}`);
    }
    return result['result'] as EvaluatedValue;
  }

  /** Presses about:debugging's "Terminate background script". Firefox replies once the event page is unloaded. */
  async terminateBackgroundScript(): Promise<void> {
    await this.client.request(this.descriptor, 'terminateBackgroundScript');
  }

  close(): void {
    this.client.close();
  }

  private addDocument(form: TargetForm): void {
    if (form.isFallbackExtensionDocument) return;

    const { actor, url, innerWindowId, consoleActor } = form;
    this.documents.set(actor, { url, innerWindowId, actor, consoleActor });
  }

  private addResources(array: Array<[string, unknown[]]>): void {
    for (const [type, resources] of array) {
      if (type !== 'network-event') continue;

      for (const resource of resources as NetworkResource[]) {
        this.requests.push({
          url: resource.url,
          method: resource.method,
          innerWindowId: resource.innerWindowId ?? 0,
          loadingDocumentUri: resource.cause?.loadingDocumentUri ?? null,
          cause: resource.cause?.type ?? 'unknown',
        });
      }
    }
  }
}

interface DescriptorForm {
  actor: string;
  id: string;
}

async function findDescriptor(client: RdpClient, addonId: string): Promise<DescriptorForm> {
  const reply = await client.request('root', 'listAddons');
  const addons = (reply['addons'] ?? []) as DescriptorForm[];
  const descriptor = addons.find((addon) => addon.id === addonId);
  if (!descriptor) throw new Error(`Add-on ${addonId} not found. Firefox lists ${addons.map((addon) => addon.id).join(', ')}.`);
  return descriptor;
}

/** Launches Firefox with `prefs` and its RDP server open, and attaches an AddonDebugger to the extension. */
export async function launchDebuggedFirefox(prefs: Record<string, unknown> = {}): Promise<{ browser: Browser; addon: AddonDebugger }> {
  const debuggerPort = await freeLoopbackPort();
  const browser = await launchFirefox({ debuggerPort, prefs });
  try {
    return { browser, addon: await AddonDebugger.attach(debuggerPort, GECKO_ID) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
