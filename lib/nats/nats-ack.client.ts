import { randomUUID } from 'node:crypto';
import { jetstream, JetStreamApiError, type JetStreamClient } from '@nats-io/jetstream';
import { createInbox, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import type { ReadPacket } from '@nestjs/microservices';
import { AckClient, type OutgoingPacket } from '../core/ack-client';
import { asError, ConnectionClosedError, InvalidOptionError, PublishFailedError } from '../core/errors';
import { assertAddressList, assertNumber } from '../core/option-checks';
import { assertKnownKeys } from '../core/option-keys';
import { parseReplyBody } from '../core/pending-requests';
import { NATS_CLIENT_KEYS, type NatsAckClientOptions } from './nats-ack-client-options';
import { connectNats } from './nats-connection';
import { REPLY_TO_HEADER, toNatsHeaders } from './nats-headers';
import { DEFAULT_NATS_SERVERS, isSubject, SERVER_SHAPE } from './nats-settings';

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
export class NatsAckClient extends AckClient {
  protected readonly transport = 'nats';
  private readonly servers: string[];
  private readonly publishTimeoutMs: number;
  private connection?: NatsConnection;
  private js?: JetStreamClient;
  private inbox?: string;
  private replies?: Subscription;

  constructor(private readonly options: NatsAckClientOptions = {}) {
    super();
    assertKnownKeys(options, NATS_CLIENT_KEYS, 'NatsAckClient');
    this.servers = options.connection ? [] : assertAddressList(options.servers ?? DEFAULT_NATS_SERVERS, 'servers', SERVER_SHAPE, 'a nats:// URL or host:port, or a non-empty array of them');
    this.publishTimeoutMs = options.publishTimeoutMs ?? 10_000;
    assertNumber(this.publishTimeoutMs, 'publishTimeoutMs', 1);
    if (options.subject !== undefined && (!isSubject(options.subject) || /[*>]/.test(options.subject))) {
      throw new InvalidOptionError('subject', options.subject, 'a NATS subject without wildcards');
    }
    this.initializeSerializer(options);
    this.initializeDeserializer(options);
  }

  /** The NATS connection (undefined before `connect()`). */
  unwrap<T>(): T {
    return this.connection as T;
  }

  protected async open(): Promise<void> {
    const connection = this.options.connection ?? (await connectNats(this.servers, this.options.connectionOptions ?? {}));
    this.connection = connection;
    this.js = jetstream(connection, { timeout: this.publishTimeoutMs });
    // The connection's `inboxPrefix` (nats.js's own option, as its request() uses it): servers accept replies only under known prefixes.
    this.inbox = createInbox(inboxPrefixOf(connection));
    this.replies = connection.subscribe(this.inbox, {
      callback: (error, message) => {
        if (!error) void this.deliverReply(parseReplyBody(message.string()));
      },
    });
    // The reply subscription must be known to the server before a request's handler can answer it.
    await connection.flush();
  }

  /** Ends the reply subscription; closes the connection unless it is the user's (`connection`). */
  protected async disconnect(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    this.js = undefined;
    this.replies?.unsubscribe();
    this.replies = undefined;
    if (connection && !this.options.connection) await connection.close().catch(() => undefined);
  }

  /** The subject: the option `subject`, else the pattern. */
  protected destinationOf(packet: ReadPacket): string {
    return this.options.subject ?? this.normalizePattern(packet.pattern);
  }

  /**
   * Publishes to the stream and waits for its acknowledgement. While the
   * connection is down or no stream answers, it tries again until
   * `publishTimeoutMs`; every attempt carries the same `Nats-Msg-Id`, so the
   * stream stores the message once (within its duplicate window).
   */
  protected async publishPacket(packet: OutgoingPacket, request: boolean, trace: Record<string, string> | undefined): Promise<void> {
    const deadline = Date.now() + this.publishTimeoutMs;
    const subject = this.destinationOf(packet);
    const encoded = this.encodePacket(packet, this.options.headers, trace);
    const headers = toNatsHeaders(encoded.headers);
    if (request) headers.set(REPLY_TO_HEADER, this.inbox!);
    const msgID = randomUUID();
    for (;;) {
      const js = this.js;
      if (!js) throw new ConnectionClosedError('the client was closed');
      const remaining = deadline - Date.now();
      try {
        await js.publish(subject, encoded.body, { headers, msgID, timeout: Math.max(1, Math.min(remaining, ATTEMPT_TIMEOUT_MS)) });
        return;
      } catch (error) {
        // The stream refused it (too large, wrong subject...): trying again changes nothing.
        const refused = error instanceof JetStreamApiError && error.status !== 503;
        if (refused || Date.now() + RETRY_PAUSE_MS >= deadline) {
          throw new PublishFailedError(`no stream stored the message on "${subject}": ${asError(error).message}`, { cause: error });
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      }
    }
  }
}

/** The `inboxPrefix` the connection was opened with (nats.js keeps its options on the connection). */
function inboxPrefixOf(connection: NatsConnection): string | undefined {
  const prefix = (connection as { options?: { inboxPrefix?: unknown } }).options?.inboxPrefix;
  return typeof prefix === 'string' && prefix !== '' ? prefix : undefined;
}
