import { randomUUID } from 'node:crypto';
import { jetstream, JetStreamApiError, type JetStreamClient } from '@nats-io/jetstream';
import { createInbox, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { InvalidOptionError } from '../core/errors';
import { assertAddressList, assertNumber } from '../core/option-checks';
import { NATS_CLIENT_KEYS, type NatsAckClientOptions } from './nats-ack-client-options';
import { assertKnownKeys } from '../core/option-keys';
import { connectNats } from './nats-connection';
import { REPLY_TO_HEADER, toNatsHeaders } from './nats-headers';
import { DEFAULT_NATS_SERVERS, isSubject } from './nats-settings';
import { parseReplyBody, PendingRequests } from '../core/pending-requests';
import { observePublish } from '../core/telemetry-hooks';

/** Longest wait for one publish acknowledgement before the same message is sent again. */
const ATTEMPT_TIMEOUT_MS = 2000;
const RETRY_PAUSE_MS = 100;

/**
 * Publishes to a `NatsAckServer` through JetStream: `emit()` resolves once the
 * stream stored the message (its PubAck); `send()` also carries the caller's
 * reply subject in the `nestjs-ack-reply-to` header (the publish's own reply
 * subject gets JetStream's PubAck) and waits for the reply there: an inbox
 * under the connection's `inboxPrefix` (default `_INBOX`). Wire format
 * is Nest's: body `{ pattern, data, id }`.
 */
export class NatsAckClient extends ClientProxy {
  private readonly servers: string[];
  private readonly publishTimeoutMs: number;
  private readonly pending = new PendingRequests();
  private connection?: NatsConnection;
  private js?: JetStreamClient;
  private inbox?: string;
  private replies?: Subscription;
  private connecting?: Promise<void>;

  constructor(private readonly options: NatsAckClientOptions = {}) {
    super();
    assertKnownKeys(options, NATS_CLIENT_KEYS, 'NatsAckClient');
    this.servers = options.connection ? [] : assertAddressList(options.servers ?? DEFAULT_NATS_SERVERS, 'servers', /^((nats|tls|ws|wss):\/\/)?[^\s/]+$/, 'a nats:// URL or host:port, or a non-empty array of them');
    this.publishTimeoutMs = options.publishTimeoutMs ?? 10_000;
    assertNumber(this.publishTimeoutMs, 'publishTimeoutMs', 1);
    if (options.subject !== undefined && (!isSubject(options.subject) || /[*>]/.test(options.subject))) {
      throw new InvalidOptionError('subject', options.subject, 'a NATS subject without wildcards');
    }
    this.initializeSerializer(options);
    this.initializeDeserializer(options);
  }

  connect(): Promise<void> {
    this.connecting ??= this.open().catch((error) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    this.js = undefined;
    this.connecting = undefined;
    this.pending.failAll('Connection closed');
    this.replies?.unsubscribe();
    this.replies = undefined;
    if (connection && !this.options.connection) await connection.close().catch(() => undefined);
  }

  /** The NATS connection (undefined before `connect()`). */
  unwrap<T>(): T {
    return this.connection as T;
  }

  protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const packet = this.assignPacketId(partial);
    const unsubscribe = this.pending.add(packet.id, callback);
    this.publishStored(packet, true).catch((err) => this.pending.fail(packet.id, err));
    return unsubscribe;
  }

  protected async dispatchEvent<T = any>(packet: ReadPacket): Promise<T> {
    await this.publishStored(packet, false);
    return undefined as T;
  }

  private async open(): Promise<void> {
    const connection = this.options.connection ?? (await connectNats(this.servers, this.options.connectionOptions ?? {}));
    this.connection = connection;
    this.js = jetstream(connection, { timeout: this.publishTimeoutMs });
    // The connection's `inboxPrefix` (nats.js's own option, as its request() uses it): servers accept replies only under known prefixes.
    this.inbox = createInbox(inboxPrefixOf(connection));
    this.replies = connection.subscribe(this.inbox, { callback: (error, message) => {
        if (!error) void this.onReply(message);
      } });
    // The reply subscription must be known to the server before a request's handler can answer it.
    await connection.flush();
  }

  /**
   * Publishes to the stream and waits for its acknowledgement. While the
   * connection is down or no stream answers, it tries again until
   * `publishTimeoutMs`; every attempt carries the same `Nats-Msg-Id`, so the
   * stream stores the message once (within its duplicate window).
   */
  private publishStored(packet: ReadPacket & { id?: string }, request: boolean): Promise<void> {
    const subject = this.options.subject ?? this.normalizePattern(packet.pattern);
    return observePublish({ transport: 'nats', destination: subject, pattern: this.normalizePattern(packet.pattern), request }, (trace) => this.publishToStream(packet, subject, request, trace));
  }

  private async publishToStream(packet: ReadPacket & { id?: string }, subject: string, request: boolean, trace: Record<string, string> | undefined): Promise<void> {
    const deadline = Date.now() + this.publishTimeoutMs;
    await this.connect();
    const { options, ...serialized } = this.serializer.serialize(packet) as Record<string, any>;
    const headers = toNatsHeaders({ ...this.options.headers, ...options?.headers, ...trace });
    if (request) headers.set(REPLY_TO_HEADER, this.inbox!);
    const body = JSON.stringify(serialized);
    const msgID = randomUUID();
    for (;;) {
      const js = this.js;
      if (!js) throw new Error('nestjs-ack: the client was closed');
      const remaining = deadline - Date.now();
      try {
        await js.publish(subject, body, { headers, msgID, timeout: Math.max(1, Math.min(remaining, ATTEMPT_TIMEOUT_MS)) });
        return;
      } catch (error) {
        // The stream refused it (too large, wrong subject...): trying again changes nothing.
        if (error instanceof JetStreamApiError && error.status !== 503) throw error;
        if (Date.now() + RETRY_PAUSE_MS >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      }
    }
  }

  private async onReply(message: Msg): Promise<void> {
    const { id, err, response, isDisposed } = await this.deserializer.deserialize(parseReplyBody(message.string()));
    if (id !== undefined) this.pending.deliver(String(id), { err, response, isDisposed });
  }
}

/** The `inboxPrefix` the connection was opened with (nats.js keeps its options on the connection). */
function inboxPrefixOf(connection: NatsConnection): string | undefined {
  const prefix = (connection as { options?: { inboxPrefix?: unknown } }).options?.inboxPrefix;
  return typeof prefix === 'string' && prefix !== '' ? prefix : undefined;
}
