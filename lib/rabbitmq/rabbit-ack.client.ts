import { randomUUID } from 'node:crypto';
import type { ReadPacket } from '@nestjs/microservices';
import type { ChannelModel, ConsumeMessage, Options } from 'amqplib';
import { AckClient, type OutgoingPacket } from '../core/ack-client';
import { ConnectionClosedError, InvalidOptionError, PublishFailedError, UnroutableMessageError } from '../core/errors';
import { assertKnownKeys } from '../core/option-keys';
import { parseReplyBody } from '../core/pending-requests';
import { resolveReconnect, type ResolvedReconnect } from '../core/reconnect';
import { withTimeout } from '../core/with-timeout';
import { RABBIT_CLIENT_KEYS, type RabbitAckClientOptions } from './rabbit-ack-client-options';
import { RabbitConnection } from './rabbit-connection';
import { ConfirmPublisher } from './rabbit-publisher';
import { DIRECT_REPLY_TO } from './rabbit-reply-addresses';
import { resolveSecurity, type ResolvedSecurity } from './rabbit-security';
import { resolveUrls } from './rabbit-url';

/** Pause between two publish attempts of an event while the connection comes back. */
const EVENT_RETRY_MS = 50;

/**
 * Publishes to a `RabbitAckServer` (or Nest's own `ServerRMQ`): `emit()`
 * resolves once the broker confirmed the message, retrying across a
 * reconnect; `send()` waits for the reply on direct reply-to. Wire format is
 * Nest's: body `{ pattern, data, id }`, `replyTo` and `correlationId`.
 */
export class RabbitAckClient extends AckClient {
  protected readonly transport = 'rabbitmq';
  private readonly urls: string[];
  private readonly reconnectOptions: ResolvedReconnect;
  private readonly publishTimeoutMs: number;
  private readonly replyQueue: string;
  private readonly security: ResolvedSecurity;
  private connection?: RabbitConnection;
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

  /** The live amqplib connection (undefined while disconnected). */
  unwrap<T>(): T {
    return this.connection?.current as T;
  }

  protected async open(): Promise<void> {
    const connection = new RabbitConnection({
      urls: this.urls,
      reconnect: this.reconnectOptions,
      socketOptions: this.security.socketOptions,
      setup: (model) => this.setup(model),
      teardown: () => this.teardown(),
    });
    connection.on('connected', () => this.reportStatus('connected'));
    connection.on('disconnected', () => this.reportStatus('disconnected'));
    connection.on('reconnecting', () => this.reportStatus('reconnecting'));
    this.connection = connection;
    await connection.open();
  }

  protected async disconnect(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close();
  }

  protected destinationOf(): string {
    return (this.options.exchange || this.options.queue) ?? '';
  }

  /** Publishes and waits for the confirm. A request goes out once (its reply is bound to the channel it went on); an event retries across reconnects until `publishTimeoutMs`. */
  protected publishPacket(packet: OutgoingPacket, request: boolean, trace: Record<string, string> | undefined): Promise<void> {
    const { body, headers, options } = this.encodePacket(packet, this.options.headers, trace);
    const publishOptions: Options.Publish = { persistent: this.options.persistent ?? true, messageId: randomUUID(), ...options, headers };
    if (request) Object.assign(publishOptions, { replyTo: this.replyQueue, correlationId: packet.id });
    return this.publishUntilConfirmed(this.routingKeyOf(packet), Buffer.from(body), publishOptions, !request);
  }

  private routingKeyOf(packet: ReadPacket): string {
    return this.options.exchange ? (this.options.routingKey ?? this.normalizePattern(packet.pattern)) : this.options.queue!;
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
    if (this.replyQueue === DIRECT_REPLY_TO) this.pending.failAll('the connection was lost before the reply arrived');
  }

  private async publishUntilConfirmed(routingKey: string, body: Buffer, options: Options.Publish, retry: boolean): Promise<void> {
    const exchange = this.options.exchange ?? '';
    const deadline = Date.now() + this.publishTimeoutMs;
    for (;;) {
      await this.connect();
      const remaining = deadline - Date.now();
      if (remaining <= 0 || !this.connection) throw new PublishFailedError(`could not publish within publishTimeoutMs=${this.publishTimeoutMs}`);
      await this.connection.whenConnected(remaining);
      const publisher = this.publisher;
      try {
        if (!publisher?.isOpen) throw new ConnectionClosedError('the RabbitMQ publish channel is not open yet');
        const confirmWithin = Math.max(0, deadline - Date.now());
        await withTimeout(publisher.publish(exchange, routingKey, body, { ...options, mandatory: true }), confirmWithin, `no confirm within ${confirmWithin} ms`);
        return;
      } catch (error) {
        const unroutable = error instanceof UnroutableMessageError;
        if (!retry || unroutable || Date.now() >= deadline || !this.connection) throw error;
        await new Promise((resolve) => setTimeout(resolve, EVENT_RETRY_MS));
      }
    }
  }

  /** By `correlationId`, not the body's `id`: a reply body that is not Nest's packet still reaches its request. */
  private async onReply(message: ConsumeMessage): Promise<void> {
    const id = message.properties.correlationId;
    if (id === undefined || !this.pending.has(String(id))) return;
    const { err, response, isDisposed } = await this.deserializer.deserialize(parseReplyBody(message.content));
    this.pending.deliver(String(id), { err, response, isDisposed });
  }
}
