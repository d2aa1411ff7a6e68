/**
 * A small client of Firefox's Remote Debugging Protocol (RDP), the protocol
 * of about:debugging and the add-on toolbox, for the e2e tests. Firefox
 * serves it when started with `--start-debugger-server PORT` (see
 * `launchFirefox`'s `debuggerPort`), on 127.0.0.1 only while the pref
 * `devtools.debugger.force-local` is true.
 *
 * The wire format is one packet after another, each `LENGTH:JSON`, where
 * LENGTH is the decimal byte length of the UTF-8 JSON. A request names its
 * actor in `to`, and each actor replies to its requests in order with a
 * packet `from` it. A packet with a `type` is an event instead, such as the
 * watcher's `resources-available-array`. Bulk packets (`bulk ACTOR TYPE
 * LENGTH:DATA`) are not supported: none of the requests made here gets one.
 */
import { connect, createServer, type Socket } from 'node:net';

const HOST = '127.0.0.1';
const CONNECT_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 15_000;
const RETRY_MS = 100;

/** One RDP packet: a reply, an error reply or an event. */
export interface Packet {
  from: string;
  type?: string;
  error?: string;
  message?: string;
  [key: string]: unknown;
}

/** An error reply of an actor, such as `unknownActor` or `noSuchActor`. */
export class RdpError extends Error {
  constructor(
    readonly request: string,
    readonly packet: Packet,
  ) {
    super(`RDP request ${request} failed: ${packet.error}: ${packet.message ?? ''}`);
  }
}

interface Pending {
  request: string;
  resolve: (packet: Packet) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

type EventListener = (packet: Packet) => void;

/** Returns a TCP port on 127.0.0.1 that was free a moment ago, for a server that cannot report its own. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error(`The port server on ${HOST} has no TCP address.`));
      });
    });
  });
}

/** Splits the complete packets off the front of `buffer`, and returns them with the incomplete rest. */
export function parsePackets(buffer: Buffer): { packets: Packet[]; rest: Buffer } {
  const packets: Packet[] = [];
  let rest = buffer;
  for (;;) {
    const colon = rest.indexOf(0x3a);
    if (colon < 0) break;

    const header = rest.subarray(0, colon).toString('latin1');
    if (!/^\d+$/.test(header)) throw new Error(`Invalid RDP packet header ${JSON.stringify(header.slice(0, 40))}.`);
    const length = Number(header);
    if (rest.length < colon + 1 + length) break;

    packets.push(JSON.parse(rest.subarray(colon + 1, colon + 1 + length).toString('utf8')) as Packet);
    rest = rest.subarray(colon + 1 + length);
  }
  return { packets, rest };
}

/** Frames `packet` for the wire. */
export function encodePacket(packet: object): Buffer {
  const json = Buffer.from(JSON.stringify(packet), 'utf8');
  return Buffer.concat([Buffer.from(`${json.length}:`, 'latin1'), json]);
}

export class RdpClient {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending = new Map<string, Pending[]>();
  private readonly listeners = new Map<string, Set<EventListener>>();
  private closedError: Error | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('close', () => this.fail(new Error('The RDP connection closed.')));
    socket.on('error', (error) => this.fail(error));
  }

  /**
   * Connects to the RDP server on `port` of 127.0.0.1 and waits for the root
   * actor's greeting. Retries until the server listens, since Firefox opens
   * it a while after it starts.
   */
  static async connect(port: number, timeoutMs = CONNECT_TIMEOUT_MS): Promise<RdpClient> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await RdpClient.connectOnce(port, deadline - Date.now());
      } catch (error) {
        if (Date.now() + RETRY_MS > deadline) {
          throw new Error(`Could not connect to the RDP server on ${HOST}:${port}: ${String(error)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  private static connectOnce(port: number, timeoutMs: number): Promise<RdpClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: HOST, port });
      const client = new RdpClient(socket);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error('the root actor sent no greeting'));
      }, timeoutMs);
      client.expectReply('root', 'greeting', (packet) => {
        clearTimeout(timer);
        resolve(client);
        return packet;
      }, (error) => {
        clearTimeout(timer);
        socket.destroy();
        reject(error);
      });
    });
  }

  /** Sends the request `type` to the actor `to` and returns its reply, or rejects with an RdpError on an error reply. */
  request(to: string, type: string, params: Record<string, unknown> = {}): Promise<Packet> {
    if (this.closedError) return Promise.reject(this.closedError);

    return new Promise((resolve, reject) => {
      this.expectReply(to, type, resolve, reject);
      this.socket.write(encodePacket({ ...params, to, type }));
    });
  }

  /** Calls `listener` with each event packet of `type`, and returns a function that removes the listener. */
  on(type: string, listener: EventListener): () => void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
    return () => set.delete(listener);
  }

  close(): void {
    this.socket.destroy();
  }

  private expectReply(to: string, request: string, resolve: (packet: Packet) => void, reject: (error: Error) => void): void {
    const queue = this.pending.get(to) ?? [];
    const timer = setTimeout(() => {
      const index = queue.indexOf(entry);
      if (index >= 0) queue.splice(index, 1);
      reject(new Error(`RDP request ${request} to ${to} timed out after ${REQUEST_TIMEOUT_MS} ms.`));
    }, REQUEST_TIMEOUT_MS);
    const entry: Pending = { request, resolve, reject, timer };
    queue.push(entry);
    this.pending.set(to, queue);
  }

  private receive(chunk: Buffer): void {
    let parsed;
    try {
      parsed = parsePackets(Buffer.concat([this.buffer, chunk]));
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      this.socket.destroy();
      return;
    }
    this.buffer = parsed.rest;
    for (const packet of parsed.packets) this.dispatch(packet);
  }

  private dispatch(packet: Packet): void {
    if (typeof packet.type === 'string') {
      for (const listener of this.listeners.get(packet.type) ?? []) listener(packet);
      return;
    }
    const entry = this.pending.get(packet.from)?.shift();
    if (!entry) return;

    clearTimeout(entry.timer);
    if (packet.error) entry.reject(new RdpError(entry.request, packet));
    else entry.resolve(packet);
  }

  private fail(error: Error): void {
    this.closedError ??= error;
    for (const queue of this.pending.values()) {
      for (const entry of queue.splice(0)) {
        clearTimeout(entry.timer);
        entry.reject(error);
      }
    }
  }
}
