import { jetstream, jetstreamManager, type ConsumerMessages, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { AckServer } from '../core/ack-server';
import type { BrokerHealth } from '../core/broker-health';
import { DeliverySlots } from '../core/delivery-slots';
import { BrokerError, ConnectionClosedError, InvalidOptionError } from '../core/errors';
import { ReplyAddressAllowList } from '../core/reply-address-allow-list';
import { withTimeout } from '../core/with-timeout';
import type { NatsAckServerOptions } from './nats-ack-server-options';
import { NatsCommands } from './nats-commands';
import { connectNats, explainConnectRefusal, natsAddress, watchStatus } from './nats-connection';
import { NatsAckContext } from './nats-context';
import { asBrokerError } from './nats-errors';
import { probeNats } from './nats-health';
import { toNatsMessage, type NatsMessage } from './nats-message';
import { NATS_REPLY_ADDRESSES } from './nats-reply-addresses';
import { NatsReplies } from './nats-replies';
import { SubjectRouter } from './nats-subject-router';
import { isSubject, resolveNatsSettings, type NatsServerSettings } from './nats-settings';
import { planConsumers, provisionConsumers, provisionStreams, type ConsumerPlan } from './nats-topology';
import { featuresOf, type ServerFeatures } from './nats-version';

/** Longest wait at close for the server to take the buffered settles. */
const FLUSH_TIMEOUT_MS = 5000;

/** Identifies this transport to Nest's processing hooks. */
export const NATS_TRANSPORT = Symbol.for('nestjs-ack.nats');

/**
 * A NestJS microservice transport on NATS JetStream with the nestjs-ack
 * contract: durable pull consumers (the v3 `consume()` API), every delivery
 * settled exactly once by policy (ack / nak with a delay / dead-letter copy
 * then term), `working()` while a handler runs, replies to the caller's
 * subject (inside `replyAddresses`), the subject a message was published to
 * choosing its handler, and the client's own reconnects reported as status events.
 *
 * @example
 * ```ts
 * const app = await NestFactory.createMicroservice(AppModule, {
 *   strategy: new NatsAckServer({ servers: process.env.NATS_URL, stream: 'ORDERS', ensureStream: true }),
 * });
 * ```
 */
export class NatsAckServer extends AckServer<NatsMessage> {
  /** The checked broker options. */
  readonly brokerSettings: NatsServerSettings;
  protected readonly commands: NatsCommands;
  protected override readonly contextType = NatsAckContext;
  protected override readonly replies: NatsReplies;
  private router?: SubjectRouter;
  private readonly link: { connection?: NatsConnection; jetstream?: JetStreamClient; features: ServerFeatures };
  private connecting?: Promise<NatsConnection>;
  private manager?: JetStreamManager;
  private consumers: ConsumerMessages[] = [];
  private readonly pumps: Promise<void>[] = [];
  /** Deliveries taken from the pull buffer and not yet done: the pumps take the next only when one is free. */
  private readonly slots: DeliverySlots;
  /** Aborted when intake stops: wakes the pumps waiting for a slot. Undefined before consuming starts. */
  private intake?: AbortController;
  private plans: ConsumerPlan[] = [];

  constructor(options: NatsAckServerOptions) {
    super(options ?? ({} as NatsAckServerOptions), NATS_TRANSPORT);
    this.brokerSettings = resolveNatsSettings(options, this.settings.concurrency);
    this.slots = new DeliverySlots(this.settings.concurrency);
    this.link = { features: featuresOf(undefined) };
    this.commands = new NatsCommands(this.link, this.brokerSettings.deadLetter, this.brokerSettings.ackWaitMs);
    this.replies = new NatsReplies(this.link, new ReplyAddressAllowList('replyAddresses', options.replyAddresses, NATS_REPLY_ADDRESSES));
  }

  /** The NATS connection (undefined before the start). */
  override unwrap<T>(): T {
    return this.link.connection as T;
  }

  /** The durable consumers this server pulls from, with their subjects (known once started). */
  get consumerPlans(): readonly ConsumerPlan[] {
    return this.plans;
  }

  /** Connected, consuming, and each durable consumer's `num_pending` (summed as `backlog`) and `num_ack_pending`. */
  override probeHealth(): Promise<BrokerHealth> {
    return probeNats({
      stream: this.brokerSettings.stream,
      consumers: this.plans.map((plan) => plan.name),
      state: this.currentStatus,
      connection: this.link.connection,
      manager: this.manager,
      consuming: this.receiving && this.consumers.length > 0,
    });
  }

  /** The subject a message was published to picks its handler; the body may only name that subject or that handler's pattern. */
  protected override patternOfAddress(message: NatsMessage, named: string): string | null {
    this.router ??= new SubjectRouter(this.messageHandlers.keys());
    return this.router.patternOf(message.subject, named);
  }

  protected override startTarget(): { broker: string; address: string } | undefined {
    // A connection of the user's is theirs to wait for: tried once.
    if (this.brokerSettings.connection) return undefined;
    return { broker: 'NATS', address: this.brokerSettings.servers.map(natsAddress).join(', ') };
  }

  protected async start(): Promise<void> {
    const settings = this.brokerSettings;
    this.router = new SubjectRouter(this.messageHandlers.keys());
    const subjects = settings.subjects ?? this.handlerSubjects();
    this.connecting = settings.connection ? Promise.resolve(settings.connection) : connectNats(settings.servers, settings.connectionOptions);
    const connection = await this.unlessClosed(this.connecting.catch((error) => Promise.reject(explainConnectRefusal(error))));
    this.link.connection = connection;
    this.link.features = featuresOf(connection.info?.version);
    void watchStatus(connection, {
      disconnected: (server) => this.connectionStatus.down(undefined, `NATS connection to ${server} lost; reconnecting`),
      reconnecting: (attempt) => this.connectionStatus.retrying(attempt),
      reconnected: () => {
        this.link.features = featuresOf(connection.info?.version);
        this.connectionStatus.up();
      },
      error: (error) => this.reportError(asBrokerError(error), 'NATS'),
      closed: () => this.connectionStatus.gaveUp(new ConnectionClosedError('the NATS connection closed and will not reconnect'), 'NATS'),
    }).catch((error) => this.reportError(asBrokerError(error), 'NATS status'));
    const jsm = await this.unlessClosed(jetstreamManager(connection));
    this.manager = jsm;
    this.link.jetstream = jetstream(connection);
    this.throwIfClosing();
    await this.unlessClosed(provisionStreams(jsm, settings, subjects));
    this.plans = planConsumers(settings.consumer, subjects, this.link.features);
    await this.unlessClosed(provisionConsumers(jsm, settings, this.plans, this.settings.retry.maxDeliveries));
    const intake = (this.intake = new AbortController());
    for (const plan of this.plans) {
      const consumer = await this.unlessClosed(this.link.jetstream.consumers.get(settings.stream, plan.name));
      const messages = await this.unlessClosed(consumer.consume({ max_messages: settings.batchSize }));
      this.consumers.push(messages);
      this.pumps.push(this.pump(messages, plan, intake.signal));
    }
  }

  protected async stopReceiving(): Promise<void> {
    this.intake?.abort();
    const consumers = this.consumers;
    this.consumers = [];
    await Promise.all(consumers.map((messages) => messages.close().catch(() => undefined)));
    await Promise.all(this.pumps);
  }

  protected async disconnect(): Promise<void> {
    this.intake?.abort();
    for (const messages of this.consumers.splice(0)) await messages.close().catch(() => undefined);
    const connection = this.link.connection ?? (await this.connecting?.catch(() => undefined));
    if (!connection || connection.isClosed()) return;
    // Acks, naks and terms are plain publishes: send what is buffered before closing (not waiting
    // forever when the server is away: unsent settles mean redeliveries, never losses).
    await withTimeout(connection.flush(), FLUSH_TIMEOUT_MS, `no answer within ${FLUSH_TIMEOUT_MS} ms`).catch(() => undefined);
    if (!this.brokerSettings.connection) await connection.close().catch(() => undefined);
  }

  /** Hands each delivery to the core, at most `concurrency` at once: the next is taken from the pull buffer only when a handler slot is free. */
  private async pump(messages: ConsumerMessages, plan: ConsumerPlan, intake: AbortSignal): Promise<void> {
    void this.watchConsumer(messages, plan);
    try {
      for await (const raw of messages) {
        await this.slots.waitFree(intake);
        // Intake stopped: what was pulled but not started stays unsettled. A nak would not help: the
        // server may still hold this consumer's pull requests and redeliver to them, so it comes back after ack_wait.
        if (intake.aborted) break;
        void this.slots.hold(() => this.handleMessage(toNatsMessage(raw, this.settings.maxMessageBytes)));
      }
    } catch (error) {
      if (this.receiving) this.reportError(asBrokerError(error), `consuming "${this.brokerSettings.stream}/${plan.name}" stopped`);
    }
  }

  /** Consuming started and intake has not stopped. */
  private get receiving(): boolean {
    return this.intake !== undefined && !this.intake.signal.aborted;
  }

  private async watchConsumer(messages: ConsumerMessages, plan: ConsumerPlan): Promise<void> {
    for await (const status of messages.status()) {
      if (!this.receiving) return;
      if (status.type === 'consumer_not_found' || status.type === 'consumer_deleted' || status.type === 'stream_not_found') {
        this.reportError(new BrokerError(`${status.type.replace(/_/g, ' ')}: ${this.brokerSettings.stream}/${plan.name}`), 'JetStream');
      }
    }
  }

  private handlerSubjects(): string[] {
    const patterns = [...this.messageHandlers.keys()];
    const bad = patterns.filter((pattern) => !isSubject(pattern));
    if (patterns.length === 0 || bad.length > 0) {
      throw new InvalidOptionError('subjects', undefined, `the subjects to consume; the handler patterns (${patterns.map((p) => JSON.stringify(p)).join(', ') || 'none'}) are not all NATS subjects`);
    }
    return patterns;
  }
}
