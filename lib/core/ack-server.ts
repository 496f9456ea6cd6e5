import { EventEmitter } from 'node:events';
import type { CustomTransportStrategy, IncomingRequest, MessageHandler, WritePacket } from '@nestjs/microservices';
import { Server } from '@nestjs/microservices';
import { lastValueFrom, toArray } from 'rxjs';
import { AckContext } from './ack-context';
import type { AckHandlerExtras, AckPolicy } from './ack-policy';
import type { AckServerOptions } from './ack-server-options';
import { resolveServerSettings, type AckServerSettings } from './ack-server-settings';
import { ConcurrencyLimiter } from './concurrency-limiter';
import { describeError, type DeadLetterRecord } from './dead-letter-record';
import { DeliverySettler, type Delivery } from './delivery-settler';
import { runInDeliveryScope, type DeliveryScope } from './delivery-scope';
import { findControlException, originalError, settlementOnFailure, settlementOnSuccess } from './handler-outcome';
import type { InboundMessage } from './inbound-message';
import { ACK_EXTRAS_KEY } from './metadata-keys';
import { resolveRetry, type ResolvedRetry } from './retry';
import { SettleOnce } from './settle-once';
import { RejectReason, type Settlement } from './settlement';
import type { AckServerEvents, AckServerStatus, HandledEvent } from './settlement-event';

/**
 * The base of every nestjs-ack server. It finds the handler, decodes the body,
 * resolves the policy, runs the handler and awaits it (events and requests
 * alike), sends the reply, applies the policy, limits concurrency and closes
 * gracefully. A broker subclass connects, receives (calling `handleMessage`)
 * and maps ack / nack / reject to its broker.
 */
export abstract class AckServer<M extends InboundMessage = InboundMessage>
  extends Server<AckServerEvents, AckServerStatus>
  implements CustomTransportStrategy
{
  /** This transport awaits event handlers itself, so Nest must not report their errors twice. */
  override readonly propagatesEventHandlerErrors = true;
  protected readonly settings: AckServerSettings;
  protected readonly events = new EventEmitter();
  private readonly limiter: ConcurrencyLimiter;
  private readonly inFlight = new Map<Promise<void>, SettleOnce>();
  private readonly settler: DeliverySettler<M>;
  private readonly handlerRetry = new WeakMap<MessageHandler, ResolvedRetry>();
  /** Found handlers by pattern: Nest's lookup JSON-parses every pattern, which throws for plain strings. */
  private readonly handlersByPattern = new Map<string, MessageHandler>();
  private closing?: Promise<void>;

  protected constructor(options: AckServerOptions) {
    super();
    this.settings = resolveServerSettings(options);
    this.limiter = new ConcurrencyLimiter(this.settings.concurrency);
    this.settler = new DeliverySettler<M>(
      {
        ack: (message, beforeHandler) => this.ackMessage(message, { beforeHandler }),
        nack: (message, delayMs) => this.nackMessage(message, delayMs),
        reject: (message, record) => this.rejectMessage(message, record),
      },
      {
        logger: this.logger,
        logSettlements: this.settings.logSettlements,
        reportError: (error, what) => this.reportError(error, what),
        settled: (event) => this.events.emit('settled', event),
      },
    );
    this.initializeSerializer(options);
    this.initializeDeserializer(options);
    // An 'error' event without listeners would throw; errors are logged instead.
    this.events.on('error', () => undefined);
  }

  /** Connects and starts receiving. */
  protected abstract start(): Promise<void>;
  /** Stops taking new deliveries; in-flight ones may still be settled. */
  protected abstract stopReceiving(): Promise<void>;
  /** Flushes what the broker needs (commits) and closes connections. */
  protected abstract disconnect(): Promise<void>;
  /**
   * Acks the delivery on the broker. `beforeHandler` is true for `ACK_FIRST`'s
   * ack, which must be durable before the handler runs (Kafka flushes its commit).
   */
  protected abstract ackMessage(message: M, options: { beforeHandler: boolean }): Promise<void>;
  /** Has the broker deliver the message again after `delayMs`. */
  protected abstract nackMessage(message: M, delayMs: number): Promise<void>;
  /**
   * Moves the message to the dead-letter target (or drops it when dead-lettering
   * is off) and settles the source. Must not settle the source when the
   * dead-letter publish failed: throw instead, and the base server nacks.
   */
  protected abstract rejectMessage(message: M, record: DeadLetterRecord): Promise<void>;
  /** Publishes one reply packet of a request. */
  protected abstract publishReply(message: M, packet: WritePacket & { id: string }): Promise<void>;

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.setStatus('connecting');
      await this.start();
      this.setStatus('connected');
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops intake, lets in-flight handlers finish within `shutdownTimeoutMs`, settles them, closes. */
  close(): Promise<void> {
    this.closing ??= this.closeGracefully();
    return this.closing;
  }

  on<K extends keyof AckServerEvents>(event: K, callback: AckServerEvents[K]): this {
    this.events.on(event as string, callback);
    return this;
  }

  unwrap<T>(): T {
    throw new Error('nestjs-ack: this server has no single underlying client; see the broker server\'s own accessors');
  }

  /** Whether `close()` was called. */
  get isClosing(): boolean {
    return this.closing !== undefined;
  }

  protected setStatus(status: AckServerStatus): void {
    // Nest 10 has no status stream.
    this._status$?.next(status);
  }

  /** Reports a broker error without stopping the server. */
  protected reportError(error: Error, what: string): void {
    this.logger.error(`${what}: ${error.message}`);
    this.events.emit('error', error);
  }

  /**
   * Processes one delivery to the end: resolves when the handler finished and
   * the policy was applied. Never rejects. Waits for a concurrency slot first.
   */
  protected async handleMessage(message: M): Promise<void> {
    if (this.isClosing) return; // intake stopped: left unsettled, the broker redelivers it
    await this.limiter.acquire();
    if (this.isClosing) {
      // close() began while this delivery waited for a slot: not started, left unsettled for redelivery.
      this.limiter.release();
      return;
    }
    const state = new SettleOnce();
    const delivery: Delivery<M> = { message, pattern: message.pattern ?? '', state, retry: this.settings.retry };
    const startedAt = Date.now();
    const run = this.process(delivery).then(
      (outcome) => {
        const event: HandledEvent = { pattern: delivery.pattern, source: message.source, deliveryCount: message.deliveryCount, outcome, durationMs: Date.now() - startedAt };
        this.events.emit('handled', event);
      },
      (error) => this.reportError(error instanceof Error ? error : new Error(String(error)), 'unexpected processing failure'),
    );
    this.inFlight.set(run, state);
    try {
      await run;
    } finally {
      this.inFlight.delete(run);
      this.limiter.release();
    }
  }

  /** Turns the body into `{ pattern, data, id }`. Subclasses override for other wire formats. */
  protected async decodePacket(message: M): Promise<IncomingRequest> {
    const value = JSON.parse(message.body.toString('utf8'));
    const packet = (await this.deserializer.deserialize(value, { channel: message.pattern })) as IncomingRequest;
    if (packet?.pattern === undefined || packet.pattern === null) throw new Error('message has no pattern');
    return packet;
  }

  /** Whether the delivery is a request that wants a reply. */
  protected isRequest(message: M, packet: IncomingRequest): boolean {
    return packet.id !== undefined && message.replyTo !== undefined;
  }

  /** Builds the handler's context; brokers override to add their own accessors. */
  protected createContext(message: M, pattern: string, state: SettleOnce, settle: (s: Settlement) => Promise<boolean>): AckContext<M> {
    return new AckContext(message, pattern, state, settle);
  }

  private async process(delivery: Delivery<M>): Promise<HandledEvent['outcome']> {
    const { message, state } = delivery;
    let packet: IncomingRequest;
    try {
      packet = await this.decodePacket(message);
    } catch (error) {
      await this.settler.settle(delivery, { kind: 'reject', reason: RejectReason.DESERIALIZATION, error });
      return 'refused';
    }
    delivery.pattern = this.getPatternAsString(packet.pattern);
    const isRequest = this.isRequest(message, packet);
    const handler = this.findHandler(delivery.pattern);
    if (!handler) {
      const error = new Error(`no handler for pattern "${delivery.pattern}"`);
      if (isRequest) await this.replyError(delivery, packet.id, { status: 'error', message: error.message });
      await this.settler.settle(delivery, { kind: 'reject', reason: RejectReason.NO_HANDLER, error });
      return 'refused';
    }
    const extras: AckHandlerExtras = handler.extras?.[ACK_EXTRAS_KEY] ?? {};
    const policy: AckPolicy = extras.method ?? extras.controller ?? this.settings.defaultPolicy;
    delivery.retry = this.retryFor(handler, extras);
    const settle = (settlement: Settlement) => this.settler.settle(delivery, settlement);
    const context = this.createContext(message, delivery.pattern, state, settle);

    if (policy === 'ACK_FIRST') await settle({ kind: 'ack', beforeHandler: true });
    const scope: DeliveryScope = {};
    try {
      await runInDeliveryScope(scope, async () => {
        const result = await handler(packet.data, context);
        const values = await lastValueFrom(this.transformToObservable(result).pipe(toArray()));
        if (isRequest) await this.replyValues(delivery, packet.id, values);
      });
    } catch (error) {
      await this.onHandlerFailure(delivery, policy, scope, error, isRequest ? packet.id : undefined);
      return 'failed';
    }
    const onSuccess = settlementOnSuccess(policy);
    if (onSuccess) await settle(onSuccess);
    return 'completed';
  }

  private async onHandlerFailure(delivery: Delivery<M>, policy: AckPolicy, scope: DeliveryScope, error: unknown, requestId?: string): Promise<void> {
    const control = findControlException(error, scope);
    delivery.lastError = control ?? originalError(error, scope);
    if (requestId !== undefined) {
      await this.replyError(delivery, requestId, control ? { status: 'error', message: control.message } : error);
    }
    const where = `${policy} handler for "${delivery.pattern}" at ${JSON.stringify(delivery.message.source)}`;
    if (control) {
      if (policy === 'ACK_FIRST') {
        this.logger.warn(`${where} threw ${control.name}, but ACK_FIRST acked the message already`);
        return;
      }
      await this.settler.settle(delivery, control.toSettlement());
      return;
    }
    const { errorName, errorMessage } = describeError(delivery.lastError);
    this.logger.error(`${where} failed: ${errorName}: ${errorMessage}`);
    const onFailure = settlementOnFailure(policy, delivery.lastError);
    if (onFailure) await this.settler.settle(delivery, onFailure);
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

  private retryFor(handler: MessageHandler, extras: AckHandlerExtras): ResolvedRetry {
    if (!extras.retry) return this.settings.retry;
    let retry = this.handlerRetry.get(handler);
    if (!retry) {
      retry = resolveRetry('@AckPolicy() retry', this.settings.retry, extras.retry);
      this.handlerRetry.set(handler, retry);
    }
    return retry;
  }

  private async replyValues(delivery: Delivery<M>, id: string, values: unknown[]): Promise<void> {
    if (values.length === 0) values = [undefined];
    for (let i = 0; i < values.length; i++) {
      const packet = this.serializer.serialize({ id, response: values[i], isDisposed: i === values.length - 1 });
      await this.publishReply(delivery.message, packet);
    }
  }

  /** Error replies are best effort: the settlement does not depend on them. */
  private async replyError(delivery: Delivery<M>, id: string, err: unknown): Promise<void> {
    try {
      await this.publishReply(delivery.message, this.serializer.serialize({ id, err, isDisposed: true }));
    } catch (error) {
      this.logger.error(`could not send the error reply for "${delivery.pattern}": ${describeError(error).errorMessage}`);
    }
  }

  private async closeGracefully(): Promise<void> {
    this.setStatus('closing');
    await this.stopReceiving().catch((error) => this.reportError(error instanceof Error ? error : new Error(String(error)), 'could not stop receiving'));
    const drained = await waitAll([...this.inFlight.keys()], this.settings.shutdownTimeoutMs);
    if (!drained) {
      this.logger.warn(`${this.inFlight.size} handler(s) still running after shutdownTimeoutMs=${this.settings.shutdownTimeoutMs}; left unsettled for redelivery`);
      for (const state of this.inFlight.values()) state.abandon();
    }
    await this.disconnect();
    this.setStatus('closed');
  }
}

async function waitAll(runs: Promise<void>[], timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([Promise.all(runs).then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
