import type { IncomingRequest, MessageHandler } from '@nestjs/microservices';
import { AckContext } from './ack-context';
import { isAckModuleActive } from './ack-module-presence';
import { resolveHandlerPolicies, type AckHandlerExtras, type AckPolicy } from './ack-policy';
import type { AckServerOptions } from './ack-server-options';
import { resolveServerSettings, type AckServerSettings } from './ack-server-settings';
import type { BrokerCommands, ReplyPublisher } from './broker-commands';
import { ConcurrencyLimiter } from './concurrency-limiter';
import { Delivery } from './delivery';
import { DeliverySettler } from './delivery-settler';
import { asError, MessageTooLargeError, NoHandlerError, PatternMismatchError, RepliesNotSupportedError, ReplyAddressRefusedError } from './errors';
import { HandlerRunner, type RoutedDelivery } from './handler-runner';
import { addressOf, type InboundMessage } from './inbound-message';
import { ACK_EXTRAS_KEY } from './metadata-keys';
import { defaultStartHook, patternAsString, processingHooks } from './nest-compat';
import { decodeJsonPacket, type PacketDecoder } from './packet-decoder';
import { resolveRetry, type ResolvedRetry } from './retry';
import { AckServerLifecycle } from './server-lifecycle';
import { SettleOnce } from './settle-once';
import { IdleSignal } from './idle-signal';
import { RejectReason, type Settlement } from './settlement';
import { messageBytes } from './message-size';
import { RequestReplies, type ReplyRoute } from './request-replies';
import { quoteUntrusted } from './untrusted-text';
import type { HandledEvent } from './settlement-event';
import { observeDelivery, transportNameOf, type DeliveryObservation } from './telemetry-hooks';

/** The context class a transport hands its handlers. */
export type AckContextType<M extends InboundMessage> = new (message: M, pattern: string, state: SettleOnce, settle: (s: Settlement) => Promise<boolean>) => AckContext<M>;

/** What `handleMessage` returns for a delivery it does not start. */
const DONE: Promise<void> = Promise.resolve();

/**
 * The base of every nestjs-ack server: everything one delivery goes through.
 * It decodes the body, finds the handler, resolves the policy, renews the
 * broker's lease while the handler runs, awaits the handler (events and
 * requests alike) inside Nest's processing hooks, sends the reply, and applies
 * the policy through the broker's `commands`, once.
 *
 * A broker subclass connects and receives (calling `handleMessage`), and gives
 * `commands` (its settle surface, in its own file), optionally `replies`,
 * `decodePacket` and `contextType`.
 */
export abstract class AckServer<M extends InboundMessage = InboundMessage> extends AckServerLifecycle {
  protected readonly settings: AckServerSettings;
  /** The broker's ack / nack / reject (and lease) commands. */
  protected abstract readonly commands: BrokerCommands<M>;
  /** Where replies go; transports without a reply channel leave it undefined and refuse `@MessagePattern` handlers. */
  protected readonly replies?: ReplyPublisher<M>;
  /** The wire format. @defaultValue JSON `{ pattern, data, id? }` in strict UTF-8 */
  protected readonly decodePacket: PacketDecoder<M> = decodeJsonPacket;
  /**
   * Transports whose address names the pattern (NATS subject, Redis stream,
   * Kafka topic) give the pattern the address selects for a body naming
   * `named`, or null when the body names a pattern the address does not serve
   * (dead-lettered as `pattern-mismatch`). Others route by the body's pattern.
   */
  protected patternOfAddress?(message: M, named: string): string | null;
  /** The class of the handlers' `@Ctx()`. */
  protected readonly contextType: AckContextType<M> = AckContext;
  private readonly limiter: ConcurrencyLimiter;
  /** Deliveries between their slot and the end of their policy step. */
  private readonly inFlight = new Set<SettleOnce>();
  /** Resolves `drain` once nothing is in flight. */
  private readonly idle = new IdleSignal();
  private readonly handlerRetry = new WeakMap<MessageHandler, ResolvedRetry>();
  /** Found handlers by pattern: Nest's lookup JSON-parses every pattern, which throws for plain strings. */
  private readonly handlersByPattern = new Map<string, MessageHandler>();
  private repliesInstance?: RequestReplies<M>;
  private settlerInstance?: DeliverySettler<M>;
  private runnerInstance?: HandlerRunner<M>;
  /** `rabbitmq`, `kafka`, ...: what telemetry observers are told. */
  private readonly transportName: string;
  /** Nest's own start hook (it only calls the work): while it is in place the hooks are skipped. */
  private readonly nestStartHook = defaultStartHook(this);

  protected constructor(options: AckServerOptions, transportId: symbol) {
    super(transportId, options?.name);
    this.transportName = transportNameOf(transportId);
    this.settings = resolveServerSettings(options);
    this.limiter = new ConcurrencyLimiter(this.settings.concurrency);
    this.initializeSerializer(options);
    this.initializeDeserializer(options);
  }

  /** Sources whose dead-letter target currently refuses them (each retried with a growing delay). */
  get deadLetterFailures(): number {
    return this.settler.deadLetterFailures.count;
  }

  protected get shutdownTimeoutMs(): number {
    return this.settings.shutdownTimeoutMs;
  }

  protected get startTimeoutMs(): number {
    return this.settings.startTimeoutMs;
  }

  protected checkBeforeStart(): void {
    for (const [handler, retry] of resolveHandlerPolicies(this.messageHandlers, this.settings.retry)) this.handlerRetry.set(handler, retry);
    if (!isAckModuleActive()) {
      this.logger.warn(
        'AckModule is not imported: control exceptions and policies still settle every message, but dead letters ' +
          'show Nest\'s "Internal server error" instead of the handler\'s own error. Import AckModule.forRoot() in the application module.',
      );
    }
    if (this.replies) return;
    const requests = [...this.messageHandlers.entries()].filter(([, handler]) => !handler.isEventHandler).map(([pattern]) => pattern);
    if (requests.length > 0) {
      throw new RepliesNotSupportedError(
        `${this.constructor.name} has no reply channel, so it cannot serve @MessagePattern handlers (${requests.map((p) => JSON.stringify(p)).join(', ')}); use @EventPattern`,
      );
    }
  }

  /**
   * Processes one delivery to the end: resolves when the handler finished and
   * the policy was applied. Never rejects. Waits for a concurrency slot first.
   */
  protected handleMessage(message: M): Promise<void> {
    if (this.isClosing) return DONE; // intake stopped: left unsettled, the broker redelivers it
    return this.limiter.tryAcquire() ? this.handleInSlot(message) : this.handleAfterWaiting(message);
  }

  private async handleAfterWaiting(message: M): Promise<void> {
    await this.limiter.acquire();
    if (this.isClosing) {
      // close() began while this delivery waited for a slot: not started, left unsettled for redelivery.
      this.limiter.release();
      return;
    }
    return this.handleInSlot(message);
  }

  /**
   * The delivery's way holds as few promises as it can: on the usual path the
   * handler's own, one continuation after it, and this one (see `invoke`).
   */
  private handleInSlot(message: M): Promise<void> {
    const startedAt = Date.now();
    const state = new SettleOnce();
    const observation = observeDelivery(this.transportName, message);
    this.inFlight.add(state);
    let processing: Promise<Delivery<M>>;
    try {
      processing = observation ? observation.run(() => this.process(message, state, observation)) : this.process(message, state);
    } catch (error) {
      processing = Promise.reject(error);
    }
    return processing.then(
      (delivery) => {
        this.finished(state);
        const wanted = observation !== undefined || this.events.listenerCount('handled') > 0;
        if (!wanted) return;
        const event: HandledEvent = { pattern: delivery.pattern, source: message.source, deliveryCount: message.deliveryCount, outcome: delivery.outcome!, durationMs: Date.now() - startedAt };
        observation?.finished(event);
        this.events.emit('handled', event);
      },
      (error) => this.releaseAfterDefect(message, state, observation, error),
    );
  }

  /**
   * A failure of the library itself during a delivery: reported, and the
   * delivery released for redelivery (a nack with the retry backoff) unless
   * something settled it already. Where the nack cannot reach the broker, the
   * broker redelivers it on its own (a closed channel, an expired lease).
   */
  private async releaseAfterDefect(message: M, state: SettleOnce, observation: DeliveryObservation | undefined, error: unknown): Promise<void> {
    this.reportError(asError(error), 'unexpected processing failure (the message is released for redelivery)');
    try {
      if (!state.isSettled) await this.settler.settle(new Delivery(message, message.pattern ?? '', this.settings.retry, state, observation), { kind: 'nack', error });
    } catch (failure) {
      this.reportError(asError(failure), 'could not release a message after an unexpected processing failure');
    } finally {
      this.finished(state);
      observation?.finished(undefined);
    }
  }

  private finished(state: SettleOnce): void {
    this.inFlight.delete(state);
    this.limiter.release();
    if (this.inFlight.size === 0) this.idle.resolve();
  }

  protected async drain(timeoutMs: number): Promise<void> {
    if (this.inFlight.size === 0) return;
    const drained = await this.idle.wait(timeoutMs);
    if (drained) return;
    this.logger.warn(`${this.inFlight.size} handler(s) still running after shutdownTimeoutMs=${timeoutMs}; left unsettled for redelivery`);
    for (const state of this.inFlight) state.abandon();
  }

  /** `getHandlerByPattern`, cached: use it on hot paths. */
  protected findHandler(pattern: string): MessageHandler | null {
    const known = this.handlersByPattern.get(pattern);
    if (known) return known;
    const handler = this.getHandlerByPattern(pattern);
    // Only hits are kept, and only so many: patterns come from clients.
    if (handler && this.handlersByPattern.size < 1000) this.handlersByPattern.set(pattern, handler);
    return handler;
  }

  private get requestReplies(): RequestReplies<M> {
    return (this.repliesInstance ??= new RequestReplies<M>(this.replies, () => this.serializer, this.logger));
  }

  private get runner(): HandlerRunner<M> {
    return (this.runnerInstance ??= new HandlerRunner<M>({
      settler: this.settler,
      replies: this.requestReplies,
      commands: this.commands,
      logger: this.logger,
      reportError: (error, what) => this.reportError(error, what),
    }));
  }

  private get settler(): DeliverySettler<M> {
    return (this.settlerInstance ??= new DeliverySettler<M>(this.commands, {
      logger: this.logger,
      logSettlements: this.settings.logSettlements,
      reportError: (error, what, log) => this.reportError(error, what, log),
      settled: (event, delivery) => {
        delivery.observation?.settled(event);
        this.events.emit('settled', event);
      },
    }));
  }

  /** Decodes, routes and runs the handler; resolves with the delivery, its `outcome` set. Throws only on a defect. */
  private process(message: M, state: SettleOnce, observation?: DeliveryObservation): Promise<Delivery<M>> {
    let packet: IncomingRequest | Promise<IncomingRequest>;
    try {
      const size = messageBytes(message);
      if (size > this.settings.maxMessageBytes) throw new MessageTooLargeError(`the message of ${size} bytes (body and headers) is over maxMessageBytes=${this.settings.maxMessageBytes}`);
      packet = this.decodePacket(message, this.deserializer);
    } catch (error) {
      return this.refuseUndecodable(message, state, observation, error);
    }
    if (packet instanceof Promise) {
      return packet.then(
        (decoded) => this.route(message, decoded, state, observation),
        (error) => this.refuseUndecodable(message, state, observation, error),
      );
    }
    return this.route(message, packet, state, observation);
  }

  private async refuseUndecodable(message: M, state: SettleOnce, observation: DeliveryObservation | undefined, error: unknown): Promise<Delivery<M>> {
    const delivery = new Delivery(message, message.pattern ?? '', this.settings.retry, state, observation);
    delivery.outcome = 'refused';
    await this.settler.settle(delivery, { kind: 'reject', reason: RejectReason.DESERIALIZATION, error });
    return delivery;
  }

  private route(message: M, packet: IncomingRequest, state: SettleOnce, observation: DeliveryObservation | undefined): Promise<Delivery<M>> {
    const named = patternAsString(packet.pattern);
    // Where the address is the pattern (a NATS subject, a Redis stream, a Kafka topic), the address picks the
    // handler: broker permissions on addresses then decide what runs, not the body.
    const pattern = this.patternOfAddress ? this.patternOfAddress(message, named) : named;
    if (pattern === null) return this.refuse(new Delivery(message, named, this.settings.retry, state, observation), RejectReason.PATTERN_MISMATCH, new PatternMismatchError(`the body names the pattern ${quoteUntrusted(named)}, which the address ${quoteUntrusted(addressOf(message))} does not serve`));
    const handler = this.findHandler(pattern);
    const extras: AckHandlerExtras = handler?.extras?.[ACK_EXTRAS_KEY] ?? {};
    const delivery = new Delivery(message, pattern, handler ? this.retryFor(handler, extras) : this.settings.retry, state, observation);
    const reply = this.requestReplies.routeOf(message, packet, handler);
    if (reply.kind === 'refused') return this.refuse(delivery, RejectReason.INVALID_REPLY_ADDRESS, new ReplyAddressRefusedError(`the reply address ${quoteUntrusted(reply.replyTo)} is not in replyAddresses`));
    if (!handler) return this.refuseUnrouted(delivery, reply);
    observation?.routed?.(pattern);
    const policy: AckPolicy = extras.method ?? extras.controller ?? this.settings.defaultPolicy;
    const context = new this.contextType(message, pattern, delivery.state, (settlement) => this.settler.settle(delivery, settlement));
    const routed: RoutedDelivery<M> = { delivery, handler, policy, context, data: packet.data, reply };
    return this.runner.run(routed, processingHooks(this, this.nestStartHook));
  }

  /** Dead-letters a delivery that no handler may run, before any handler did. */
  private async refuse(delivery: Delivery<M>, reason: string, error: Error): Promise<Delivery<M>> {
    delivery.outcome = 'refused';
    await this.settler.settle(delivery, { kind: 'reject', reason, error });
    return delivery;
  }

  private async refuseUnrouted(delivery: Delivery<M>, reply: ReplyRoute): Promise<Delivery<M>> {
    const error = new NoHandlerError(`no handler for pattern ${quoteUntrusted(delivery.pattern)}`);
    if (reply.kind === 'reply') await this.requestReplies.sendError(delivery, reply.replyTo, reply.id, { status: 'error', message: error.message });
    return this.refuse(delivery, RejectReason.NO_HANDLER, error);
  }

  /** The handler's retry rules: checked and resolved at start (`checkBeforeStart`), here only for a handler added later. */
  private retryFor(handler: MessageHandler, extras: AckHandlerExtras): ResolvedRetry {
    if (!extras.retry) return this.settings.retry;
    let retry = this.handlerRetry.get(handler);
    if (!retry) {
      retry = resolveRetry('@AckPolicy() retry', this.settings.retry, extras.retry);
      this.handlerRetry.set(handler, retry);
    }
    return retry;
  }
}
