import type { WritePacket } from '@nestjs/microservices';
import type { ChannelModel, ConsumeMessage } from 'amqplib';
import { AckServer } from '../core/ack-server';
import type { DeadLetterRecord } from '../core/dead-letter-record';
import type { SettleOnce } from '../core/settle-once';
import type { Settlement } from '../core/settlement';
import type { RabbitAckServerOptions } from './rabbit-ack-server-options';
import { RabbitConnection } from './rabbit-connection';
import { RabbitAckContext } from './rabbit-context';
import { DelayedNacks } from './rabbit-delayed-nacks';
import { toRabbitMessage, type RabbitMessage, type RabbitSession } from './rabbit-message';
import { ConfirmPublisher } from './rabbit-publisher';
import { resolveRabbitSettings, type RabbitServerSettings } from './rabbit-settings';
import { ackDelivery, deadLetterDelivery, rejectDelivery, requeueDelivery } from './rabbit-settle';
import { declareTopology } from './rabbit-topology';

/**
 * A NestJS microservice transport on RabbitMQ with the nestjs-ack contract:
 * every delivery is settled exactly once by policy (ack / nack with retry
 * rules / reject to the dead-letter queue), replies go to `replyTo`, and the
 * connection comes back by itself.
 *
 * @example
 * ```ts
 * const app = await NestFactory.createMicroservice(AppModule, {
 *   strategy: new RabbitAckServer({ urls: process.env.RABBITMQ_URL, queue: 'orders' }),
 * });
 * ```
 */
export class RabbitAckServer extends AckServer<RabbitMessage> {
  /** The checked broker options. */
  readonly rabbit: RabbitServerSettings;
  private connection?: RabbitConnection;
  private session?: RabbitSession;
  private receiving = false;
  private readonly delayedNacks = new DelayedNacks((error) => this.reportError(asError(error), 'delayed nack failed'));

  constructor(options: RabbitAckServerOptions) {
    super(options ?? ({} as RabbitAckServerOptions));
    this.rabbit = resolveRabbitSettings(options, this.settings.concurrency);
  }

  /** The live amqplib connection (undefined while disconnected). */
  override unwrap<T>(): T {
    return this.connection?.current as T;
  }

  protected async start(): Promise<void> {
    this.receiving = true;
    const connection = new RabbitConnection({
      urls: this.rabbit.urls,
      reconnect: this.rabbit.reconnect,
      setup: (model) => this.setupSession(model),
      teardown: () => this.teardownSession(),
    });
    connection.on('connected', () => {
      this.setStatus('connected');
      this.events.emit('connected');
    });
    connection.on('disconnected', (error?: Error) => {
      this.logger.warn(`RabbitMQ connection lost${error ? `: ${error.message}` : ''}; reconnecting`);
      this.setStatus('disconnected');
      this.events.emit('disconnected', error);
    });
    connection.on('reconnecting', (attempt: number) => {
      this.setStatus('reconnecting');
      this.events.emit('reconnecting', attempt);
    });
    connection.on('error', (error: Error) => this.reportError(error, 'RabbitMQ'));
    connection.on('failed', (error: Error) => {
      this.setStatus('disconnected');
      this.reportError(error, 'RabbitMQ');
    });
    this.connection = connection;
    await connection.open();
  }

  protected async stopReceiving(): Promise<void> {
    this.receiving = false;
    const session = this.session;
    if (session?.open && session.consumerTag) {
      await session.consumer.cancel(session.consumerTag).catch(() => undefined);
    }
  }

  protected async disconnect(): Promise<void> {
    // Messages waiting for a delayed nack go back now, so other consumers get them without waiting.
    await this.delayedNacks.flush();
    await this.connection?.close();
  }

  protected async ackMessage(message: RabbitMessage): Promise<void> {
    ackDelivery(message);
  }

  protected async nackMessage(message: RabbitMessage, delayMs: number): Promise<void> {
    if (!message.session.open) throw new Error('nestjs-ack: cannot nack message: its channel closed (the broker redelivers it)');
    const requeue = () => requeueDelivery(message, this.rabbit.queueType, this.rabbit.queue);
    if (delayMs > 0 && !this.isClosing) this.delayedNacks.schedule(message, delayMs, requeue);
    else await requeue();
  }

  protected async rejectMessage(message: RabbitMessage, record: DeadLetterRecord): Promise<void> {
    if (this.rabbit.deadLetter === false) rejectDelivery(message);
    else await deadLetterDelivery(message, this.rabbit.deadLetter, record);
  }

  protected async publishReply(message: RabbitMessage, packet: WritePacket & { id: string }): Promise<void> {
    if (!message.replyTo) return;
    const { options, ...body } = packet as WritePacket & { id: string; options?: Record<string, unknown> };
    const publisher = this.session?.open ? this.session.publisher : message.session.publisher;
    // Not mandatory: a caller that went away must not turn a processed message into a failure.
    await publisher.publish('', message.replyTo, Buffer.from(JSON.stringify(body)), {
      ...options,
      correlationId: message.correlationId ?? packet.id,
    });
  }

  protected override createContext(message: RabbitMessage, pattern: string, state: SettleOnce, settle: (s: Settlement) => Promise<boolean>): RabbitAckContext {
    return new RabbitAckContext(message, pattern, state, settle);
  }

  private async setupSession(model: ChannelModel): Promise<void> {
    await declareTopology(model, this.rabbit);
    const publisher = new ConfirmPublisher(await model.createConfirmChannel());
    const consumer = await model.createChannel();
    const session: RabbitSession = { consumer, publisher, open: true };
    for (const channel of [consumer, publisher.channel]) {
      channel.on('error', (error: Error) => this.reportError(error, 'RabbitMQ channel error'));
      // A channel closed while its connection lives (a 406, a deleted queue): start over on a new connection.
      channel.once('close', () => {
        const wasOpen = session.open;
        this.closeSession(session);
        // When the whole connection is going, its 'close' follows; only a lone channel loss needs a recycle.
        setImmediate(() => {
          if (wasOpen && this.connection?.current === model) this.connection.recycle('a channel closed');
        });
      });
    }
    this.session = session;
    if (!this.receiving) return;
    await consumer.prefetch(this.rabbit.prefetch, false);
    const { consumerTag } = await consumer.consume(this.rabbit.queue, (raw) => this.onDelivery(session, raw), { noAck: false });
    session.consumerTag = consumerTag;
  }

  private onDelivery(session: RabbitSession, raw: ConsumeMessage | null): void {
    if (raw === null) {
      // The broker cancelled the consumer (queue deleted, leader moved): reconnect and consume again.
      if (this.receiving) this.connection?.recycle(`the broker cancelled the consumer of "${this.rabbit.queue}"`);
      return;
    }
    if (!this.receiving) return; // intake stopped: left unacked, requeued when the channel closes
    void this.handleMessage(toRabbitMessage(raw, session, this.rabbit.queue));
  }

  private teardownSession(): void {
    if (this.session) this.closeSession(this.session);
    this.session = undefined;
  }

  /** Its delivery tags are void from now on; its delayed nacks were requeued by the broker. */
  private closeSession(session: RabbitSession): void {
    session.open = false;
    this.delayedNacks.dropSession(session);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
