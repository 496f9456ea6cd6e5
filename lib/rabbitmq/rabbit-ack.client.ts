import { randomUUID } from 'node:crypto';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import type { ChannelModel, ConsumeMessage, Options } from 'amqplib';
import { RABBIT_CLIENT_KEYS, type RabbitAckClientOptions } from './rabbit-ack-client-options';
import { assertKnownKeys } from '../core/option-keys';
import { RabbitConnection } from './rabbit-connection';
import { ConfirmPublisher } from './rabbit-publisher';
import { InvalidOptionError, UnroutableMessageError } from '../core/errors';
import { emitStatus } from '../core/nest-compat';
import { resolveReconnect, type ResolvedReconnect } from '../core/reconnect';
import { resolveUrls } from './rabbit-url';
import { parseReplyBody, PendingRequests } from '../core/pending-requests';
import { observePublish } from '../core/telemetry-hooks';
import { withTimeout } from '../core/with-timeout';
import { DIRECT_REPLY_TO } from './rabbit-reply-addresses';
import { resolveSecurity, type ResolvedSecurity } from './rabbit-security';

/**
 * Publishes to a `RabbitAckServer` (or Nest's own `ServerRMQ`): `emit()`
 * resolves once the broker confirmed the message, retrying across a
 * reconnect; `send()` waits for the reply on direct reply-to. Wire format is
 * Nest's: body `{ pattern, data, id }`, `replyTo` and `correlationId`.
 */
export class RabbitAckClient extends ClientProxy {
  private readonly urls: string[];
  private readonly reconnectOptions: ResolvedReconnect;
  private readonly publishTimeoutMs: number;
  private readonly replyQueue: string;
  private readonly security: ResolvedSecurity;
  private readonly pending = new PendingRequests();
  private connection?: RabbitConnection;
  private connecting?: Promise<void>;
  private publisher?: ConfirmPublisher;

  constructor(private readonly options: RabbitAckClientOptions) {
    super();
    assertKnownKeys(options, RABBIT_CLIENT_KEYS, 'RabbitAckClient');
    if (!options || (typeof options.queue !== 'string' && typeof options.exchange !== 'string')) {
      throw new InvalidOptionError('queue', options?.queue, 'a queue name: RabbitAckClient needs the option queue (or exchange), where to publish');
    }
    this.urls = resolveUrls(options.urls);
    this.security = resolveSecurity(options, this.urls);
    this.reconnectOptions = resolveReconnect(options.reconnect);
    this.publishTimeoutMs = options.publishTimeoutMs ?? 30_000;
    if (!(this.publishTimeoutMs > 0)) throw new InvalidOptionError('publishTimeoutMs', options.publishTimeoutMs, 'a number > 0');
    this.replyQueue = options.replyQueue ?? DIRECT_REPLY_TO;
    this.initializeSerializer(options);
    this.initializeDeserializer(options);
  }

  connect(): Promise<void> {
    this.connecting ??= this.open().catch((error) => {
      this.connecting = undefined;
      this.connection = undefined;
      throw error;
    });
    return this.connecting;
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    this.connecting = undefined;
    this.pending.failAll('Connection closed');
    await connection?.close();
  }

  /** The live amqplib connection (undefined while disconnected). */
  unwrap<T>(): T {
    return this.connection?.current as T;
  }

  protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const packet = this.assignPacketId(partial);
    const unsubscribe = this.pending.add(packet.id, callback);
    const { body, options } = this.encode(packet);
    // A request is published once: its reply is bound to the channel it went out on.
    this.publishConfirmed(packet, body, { ...options, replyTo: this.replyQueue, correlationId: packet.id }, false).catch((err) => {
      this.pending.fail(packet.id, err);
    });
    return unsubscribe;
  }

  protected async dispatchEvent<T = any>(packet: ReadPacket): Promise<T> {
    const { body, options } = this.encode(packet);
    await this.publishConfirmed(packet, body, options, true);
    return undefined as T;
  }

  private async open(): Promise<void> {
    const connection = new RabbitConnection({
      urls: this.urls,
      reconnect: this.reconnectOptions,
      socketOptions: this.security.socketOptions,
      setup: (model) => this.setup(model),
      teardown: () => this.teardown(),
    });
    connection.on('connected', () => emitStatus(this, 'connected'));
    connection.on('disconnected', () => emitStatus(this, 'disconnected'));
    connection.on('reconnecting', () => emitStatus(this, 'reconnecting'));
    this.connection = connection;
    await connection.open();
  }

  private async setup(model: ChannelModel): Promise<void> {
    const channel = await model.createConfirmChannel();
    channel.on('error', () => undefined); // followed by 'close'
    const publisher = new ConfirmPublisher(channel);
    channel.once('close', () => {
      if (this.publisher !== publisher) return;
      this.teardown();
      // When the whole connection is going, its 'close' follows; only a lone channel loss needs a recycle.
      setImmediate(() => {
        if (this.connection?.current === model) this.connection.recycle('the client channel closed');
      });
    });
    // Without acks, on the channel that publishes the requests (direct reply-to requires both). A reply
    // queue of your own too: a reply is worth something only to the pending request of this process, so
    // one that arrives is done with (a reply consumed with acks and never acked stayed unacked until close).
    await channel.consume(this.replyQueue, (message) => message && this.onReply(message), { noAck: true });
    this.publisher = publisher;
  }

  private teardown(): void {
    this.publisher = undefined;
    if (this.replyQueue === DIRECT_REPLY_TO) this.pending.failAll('Connection lost before the reply arrived');
  }

  private encode(packet: ReadPacket): { body: Buffer; options: Options.Publish } {
    const { options, ...serialized } = this.serializer.serialize(packet) as Record<string, any>;
    const headers = { ...this.options.headers, ...options?.headers };
    return {
      body: Buffer.from(JSON.stringify(serialized)),
      options: { persistent: this.options.persistent ?? true, messageId: randomUUID(), ...options, headers },
    };
  }

  /** Publishes and waits for the confirm; events retry across reconnects until `publishTimeoutMs`. */
  private publishConfirmed(packet: ReadPacket, body: Buffer, options: Options.Publish, retry: boolean): Promise<void> {
    const exchange = this.options.exchange ?? '';
    const routingKey = this.options.exchange ? (this.options.routingKey ?? this.normalizePattern(packet.pattern)) : this.options.queue!;
    const info = { transport: 'rabbitmq', destination: exchange || routingKey, pattern: this.normalizePattern(packet.pattern), request: options.replyTo !== undefined };
    return observePublish(info, (trace) => this.publishUntilConfirmed(exchange, routingKey, body, trace ? { ...options, headers: { ...options.headers, ...trace } } : options, retry));
  }

  private async publishUntilConfirmed(exchange: string, routingKey: string, body: Buffer, options: Options.Publish, retry: boolean): Promise<void> {
    const deadline = Date.now() + this.publishTimeoutMs;
    for (;;) {
      await this.connect();
      const remaining = deadline - Date.now();
      if (remaining <= 0 || !this.connection) throw new Error(`nestjs-ack: could not publish within publishTimeoutMs=${this.publishTimeoutMs}`);
      await this.connection.whenConnected(remaining);
      const publisher = this.publisher;
      try {
        if (!publisher?.isOpen) throw new Error('the publish channel is not open yet');
        const confirmWithin = Math.max(0, deadline - Date.now());
        await withTimeout(publisher.publish(exchange, routingKey, body, { ...options, mandatory: true }), confirmWithin, `no confirm within ${confirmWithin} ms`);
        return;
      } catch (error) {
        const unroutable = error instanceof UnroutableMessageError;
        if (!retry || unroutable || Date.now() >= deadline || !this.connection) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  private async onReply(message: ConsumeMessage): Promise<void> {
    const id = message.properties.correlationId;
    if (id === undefined || !this.pending.has(String(id))) return;
    const { err, response, isDisposed } = await this.deserializer.deserialize(parseReplyBody(message.content));
    this.pending.deliver(String(id), { err, response, isDisposed });
  }
}
