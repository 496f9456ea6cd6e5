import type { ChannelModel, ConsumeMessage } from 'amqplib';
import { AckServer } from '../core/ack-server';
import type { BrokerHealth } from '../core/broker-health';
import { asError, BrokerError } from '../core/errors';
import type { ResolvedReconnect } from '../core/reconnect';
import { redactUrl } from '../core/redact-url';
import { ACK_EXTRAS_KEY } from '../core/metadata-keys';
import type { AckHandlerExtras } from '../core/ack-policy';
import type { RabbitAckServerOptions } from './rabbit-ack-server-options';
import { RabbitConnection } from './rabbit-connection';
import { RabbitAckContext } from './rabbit-context';
import { RabbitDelayedNacks } from './rabbit-delayed-nacks';
import { RabbitHealthProbe } from './rabbit-health';
import { toRabbitMessage, type RabbitMessage, type RabbitSession } from './rabbit-message';
import { ConfirmPublisher } from './rabbit-publisher';
import { resolveRabbitSettings, type RabbitServerSettings } from './rabbit-settings';
import { RabbitCommands } from './rabbit-commands';
import { declareTopology } from './rabbit-topology';
import { CrashRecovery } from './rabbit-crash-recovery';
import { brokerMajorOf } from './rabbit-delivery-count';
import { RabbitReplies } from './rabbit-replies';
import { checkUserId } from './rabbit-user-check';

/** Identifies this transport to Nest's processing hooks. */
export const RABBITMQ_TRANSPORT = Symbol.for('nestjs-ack.rabbitmq');

/**
 * A NestJS microservice transport on RabbitMQ with the nestjs-ack contract:
 * every delivery is settled exactly once by policy (ack / nack with retry
 * rules / reject to the dead-letter queue), replies go to `replyTo` when
 * `replyAddresses` allows it, and a connection lost after the start comes
 * back by itself. `listen()` tries the broker for `startTimeoutMs`.
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
  readonly brokerSettings: RabbitServerSettings;
  protected readonly commands: RabbitCommands;
  protected override readonly contextType = RabbitAckContext;
  protected override readonly replies: RabbitReplies;
  private connection?: RabbitConnection;
  private session?: RabbitSession;
  private receiving = false;
  private readonly delayedNacks = new RabbitDelayedNacks((error) => this.reportError(asError(error), 'delayed nack failed'));
  private readonly health = new RabbitHealthProbe();
  private readonly crashRecovery: CrashRecovery;
  /** The largest `maxDeliveries` of the server and its handlers (set at start, when the handlers are known). */
  private crashLimit: number;

  constructor(options: RabbitAckServerOptions) {
    super(options ?? ({} as RabbitAckServerOptions), RABBITMQ_TRANSPORT);
    this.brokerSettings = resolveRabbitSettings(options, this.settings.concurrency);
    this.replies = new RabbitReplies(options.replyAddresses, () => this.session);
    this.commands = new RabbitCommands(this.brokerSettings, this.delayedNacks, () => this.isClosing);
    this.crashLimit = this.settings.retry.maxDeliveries;
    this.crashRecovery = new CrashRecovery({
      settings: this.brokerSettings,
      commands: this.commands,
      delayedNacks: this.delayedNacks,
      warn: (text) => this.logger.warn(text),
      limit: () => this.crashLimit,
      deadLettersRefused: () => this.deadLetterFailures > 0,
      handle: (message) => void this.handleMessage(message),
      reportError: (error, what) => this.reportError(asError(error), what),
    });
  }

  /** The live amqplib connection (undefined while disconnected). */
  override unwrap<T>(): T {
    return this.connection?.current as T;
  }

  /** Connected, consuming, and the queue's ready messages (`backlog`) from a passive declare. */
  override probeHealth(): Promise<BrokerHealth> {
    const session = this.session;
    return this.health.probe({
      queue: this.brokerSettings.queue,
      state: this.currentStatus,
      model: this.connection?.current,
      consuming: this.receiving && session?.open === true && session.consumerTag !== undefined,
    });
  }

  protected override startTarget(): { broker: string; address: string } {
    return { broker: 'RabbitMQ', address: this.brokerSettings.urls.map(redactUrl).join(', ') };
  }

  protected override get startBackoff(): ResolvedReconnect {
    return this.brokerSettings.reconnect;
  }

  protected async start(): Promise<void> {
    this.receiving = true;
    this.crashLimit = this.largestMaxDeliveries();
    const connection = new RabbitConnection({
      urls: this.brokerSettings.urls,
      reconnect: this.brokerSettings.reconnect,
      socketOptions: this.brokerSettings.security.socketOptions,
      setup: (model, url) => this.setupSession(model, url),
      teardown: () => this.teardownSession(),
    });
    connection.on('connected', () => this.connectionStatus.up());
    connection.on('disconnected', (error?: Error) => this.connectionStatus.down(error, `RabbitMQ connection lost${error ? `: ${error.message}` : ''}; reconnecting`));
    connection.on('reconnecting', (attempt: number) => this.connectionStatus.retrying(attempt));
    connection.on('error', (error: Error) => this.reportError(error, 'RabbitMQ'));
    connection.on('failed', (error: Error) => this.connectionStatus.gaveUp(error, 'RabbitMQ'));
    this.connection = connection;
    // A close() during start ends the connection attempt at once.
    const onClose = () => void connection.close();
    this.closeSignal.addEventListener('abort', onClose, { once: true });
    try {
      await connection.open();
    } finally {
      this.closeSignal.removeEventListener('abort', onClose);
    }
  }

  protected async stopReceiving(): Promise<void> {
    this.receiving = false;
    const session = this.session;
    if (session?.open && session.consumerTag) {
      await session.consumer.cancel(session.consumerTag).catch(() => undefined);
    }
  }

  protected async disconnect(): Promise<void> {
    // Redelivered messages being republished with their count or dead-lettered: their publish confirmed first.
    await this.crashRecovery.settle(2_000);
    // Messages waiting for a delayed nack go back now, so other consumers get them without waiting.
    await this.delayedNacks.flush();
    // Channels first, each with its own close handshake: amqplib may write `connection.close` ahead
    // of frames still queued on a channel, and the broker drops those. The acks of handlers that
    // finished during a graceful close were lost so (redelivered: duplicates after SIGTERM).
    const session = this.session;
    if (session?.open) {
      this.closeSession(session); // not open any more: its 'close' events must not recycle the connection
      await session.consumer.close().catch(() => undefined);
      await session.publisher.channel.close().catch(() => undefined);
    }
    await this.connection?.close();
  }

  private async setupSession(model: ChannelModel, url: string): Promise<void> {
    await declareTopology(model, this.brokerSettings);
    const { queueType, users } = this.brokerSettings;
    const userId = this.brokerSettings.userIdFor(url);
    // Classic queues republish under this user-id: a broker that knows the user by another name would refuse it at the first nack.
    if (queueType === 'classic') await checkUserId(model, userId);
    const consumer = await model.createChannel();
    const brokerMajor = brokerMajorOf(model.connection.serverProperties?.version);
    const session = { consumer, open: true, countTrust: { queueType, brokerMajor, users }, userId } as RabbitSession;
    // A channel closed while its connection lives (a 406, a deleted queue): start over on a new connection.
    const onChannelLost = () => {
      const wasOpen = session.open;
      this.closeSession(session);
      // When the whole connection is going, its 'close' follows; only a lone channel loss needs a recycle.
      setImmediate(() => {
        if (wasOpen && this.connection?.current === model) this.connection.recycle('a channel closed');
      });
    };
    const openPublishChannel = async () => {
      const channel = await model.createConfirmChannel();
      channel.on('error', (error: Error) => this.reportChannelError(error));
      return channel;
    };
    (session as { publisher: ConfirmPublisher }).publisher = new ConfirmPublisher(await openPublishChannel(), { open: openPublishChannel, onLost: onChannelLost });
    consumer.on('error', (error: Error) => this.reportChannelError(error));
    consumer.once('close', onChannelLost);
    this.session = session;
    if (!this.receiving) return;
    await consumer.prefetch(this.brokerSettings.prefetch, false);
    const { consumerTag } = await consumer.consume(this.brokerSettings.queue, (raw) => this.onDelivery(session, raw), { noAck: false });
    session.consumerTag = consumerTag;
  }

  private onDelivery(session: RabbitSession, raw: ConsumeMessage | null): void {
    if (raw === null) {
      // The broker cancelled the consumer (queue deleted, leader moved): reconnect and consume again.
      if (this.receiving) this.connection?.recycle(`the broker cancelled the consumer of "${this.brokerSettings.queue}"`);
      return;
    }
    if (!this.receiving) return; // intake stopped: left unacked, requeued when the channel closes
    const message = toRabbitMessage(raw, session, this.brokerSettings.queue, this.settings.maxMessageBytes);
    if (this.crashRecovery.takes(message)) return;
    void this.handleMessage(message);
  }

  /** Past this many deliveries no handler may want a message again, whatever its `@AckPolicy` retry says. */
  private largestMaxDeliveries(): number {
    let largest = this.settings.retry.maxDeliveries;
    for (const handler of this.messageHandlers.values()) {
      const extras: AckHandlerExtras | undefined = handler.extras?.[ACK_EXTRAS_KEY];
      const own = extras?.retry?.maxDeliveries;
      if (typeof own === 'number' && own > largest) largest = own;
    }
    return largest;
  }

  /** amqplib's channel error (the broker closed the channel: a 406, a deleted queue), reported as ours with it as cause. */
  private reportChannelError(error: Error): void {
    this.reportError(new BrokerError(error.message, { cause: error }), 'RabbitMQ channel error');
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
