import type { LoggerService } from '@nestjs/common';
import type { MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom, toArray } from 'rxjs';
import type { AckContext } from './ack-context';
import { controlCommandOf } from './ack-control.exception';
import type { AckPolicy } from './ack-policy';
import type { BrokerCommands } from './broker-commands';
import { describeError } from './dead-letter-record';
import type { Delivery } from './delivery';
import type { DeliverySettler } from './delivery-settler';
import { asError } from './errors';
import { loggedByNestFilter, originalError, settlementOnFailure, settlementOnSuccess } from './handler-outcome';
import type { InboundMessage } from './inbound-message';
import { keepLease } from './lease-keeper';
import type { ProcessingHooks } from './nest-compat';
import type { ReplyRoute, RequestReplies } from './request-replies';
import { quoteUntrusted } from './untrusted-text';

/** What a `HandlerRunner` works with: its server's settle path, replies, broker commands and reports. */
export interface HandlerRunnerParts<M extends InboundMessage> {
  settler: DeliverySettler<M>;
  replies: RequestReplies<M>;
  commands: BrokerCommands<M>;
  logger: LoggerService;
  reportError(error: Error, what: string): void;
}

/** A routed delivery's handler, its policy and its reply. */
export interface RoutedDelivery<M extends InboundMessage> {
  delivery: Delivery<M>;
  handler: MessageHandler;
  policy: AckPolicy;
  context: AckContext<M>;
  /** The packet's data, read before the handler runs (a failure reading it is the library's, not the handler's). */
  data: unknown;
  reply: ReplyRoute;
}

/**
 * Runs a routed delivery's handler and applies its policy: `ACK_FIRST`'s ack
 * before, the broker's lease while it runs, the reply of a request, the
 * settlement after (a control exception's, or the policy's for the outcome).
 */
export class HandlerRunner<M extends InboundMessage> {
  constructor(private readonly parts: HandlerRunnerParts<M>) {}

  /**
   * Runs the delivery to the end of its policy; resolves with it, its
   * `outcome` set. Inside Nest's processing hooks when there are any.
   */
  run(routed: RoutedDelivery<M>, hooks: ProcessingHooks | undefined): Promise<Delivery<M>> {
    const { commands } = this.parts;
    if (hooks || routed.policy === 'ACK_FIRST' || routed.reply.kind === 'reply' || (commands.extendLease && commands.leaseRenewalMs)) {
      return this.withProcessingHooks(hooks, routed.context, () => this.runWrapped(routed));
    }
    return this.invoke(routed);
  }

  /**
   * An event's handler and policy: one continuation after the handler's
   * promise, with the ack carried out in it when the broker's ack is
   * synchronous. On the usual path (no hooks, lease or `ACK_FIRST`) it is all
   * a delivery goes through; `runWrapped` wraps it otherwise.
   */
  private invoke({ delivery, handler, policy, context, data }: RoutedDelivery<M>): Promise<Delivery<M>> {
    let result: unknown;
    try {
      result = handler(data, context);
    } catch (failure) {
      return this.failed(delivery, policy, context, failure);
    }
    return Promise.resolve(result).then(
      (value) => (isObservable(value) ? lastValueFrom(value.pipe(toArray())).then(() => this.succeeded(delivery, policy), (failure) => this.failed(delivery, policy, context, failure)) : this.succeeded(delivery, policy)),
      (failure) => this.failed(delivery, policy, context, failure),
    );
  }

  /**
   * The general path: `ACK_FIRST`'s ack before the handler, the broker's lease
   * while it runs, and a request's reply; an event's handler and policy go
   * through `invoke` as on the usual path.
   */
  private async runWrapped(routed: RoutedDelivery<M>): Promise<Delivery<M>> {
    const { delivery, handler, policy, context, data, reply } = routed;
    const { settler, commands, replies } = this.parts;
    if (policy === 'ACK_FIRST') await settler.settle(delivery, { kind: 'ack' }, true);
    // The lease lasts until the policy step is done: an error reply or a dead-letter publish that takes
    // long must not let the broker hand the message to another consumer meanwhile.
    const stopLease = commands.extendLease && commands.leaseRenewalMs
      ? keepLease(commands.leaseRenewalMs, () => commands.extendLease!(delivery.message), (error) => this.parts.reportError(asError(error), 'could not extend the lease of a running handler'), () => delivery.state.isSettled)
      : undefined;
    try {
      if (reply.kind !== 'reply') return await this.invoke(routed);
      let values: unknown[];
      try {
        const result = await handler(data, context);
        values = isObservable(result) ? await lastValueFrom(result.pipe(toArray())) : [result];
      } catch (failure) {
        return await this.failed(delivery, policy, context, failure, reply);
      }
      await replies.sendValues(delivery, reply.replyTo, reply.id, values).catch((error) => {
        // The handler completed: running it again for a lost reply would repeat its side effects.
        this.parts.reportError(asError(error), `the reply to a request for ${quoteUntrusted(delivery.pattern)} was lost (the handler completed; the message is settled as a success)`);
      });
      return await this.succeeded(delivery, policy);
    } finally {
      stopLease?.();
    }
  }

  /**
   * Runs `work` between Nest's processing start and end hooks (Nest >= 11), so
   * tracing built on them sees every delivery; the end hook runs once the
   * policy was applied.
   */
  private async withProcessingHooks<T>(hooks: ProcessingHooks | undefined, context: AckContext<M>, work: () => Promise<T>): Promise<T> {
    if (!hooks) return work();
    let running: Promise<T> | undefined;
    const done = () => (running ??= work().finally(() => hooks.end(context)));
    try {
      await hooks.start(context, done);
    } catch (error) {
      this.parts.reportError(asError(error), 'a processing start hook failed');
    }
    return running ?? done();
  }

  private succeeded(delivery: Delivery<M>, policy: AckPolicy): Delivery<M> | Promise<Delivery<M>> {
    delivery.outcome = 'completed';
    const onSuccess = settlementOnSuccess(policy);
    if (!onSuccess) return delivery;
    const settled = this.parts.settler.settleNow(delivery, onSuccess);
    return typeof settled === 'boolean' ? delivery : settled.then(() => delivery);
  }

  private async failed(delivery: Delivery<M>, policy: AckPolicy, context: AckContext<M>, failure: unknown, request?: { replyTo: string; id: string }): Promise<Delivery<M>> {
    delivery.outcome = 'failed';
    const { settler, replies, logger } = this.parts;
    const command = controlCommandOf(failure);
    if (request) {
      await replies.sendError(delivery, request.replyTo, request.id, command ? { status: 'error', message: describeError(failure).errorMessage } : failure);
    }
    const where = `${policy} handler for ${quoteUntrusted(delivery.pattern)} at ${JSON.stringify(delivery.message.source)}`;
    if (command) {
      if (policy === 'ACK_FIRST') logger.warn(`${where} settled by a control exception (${command.kind}), but ACK_FIRST acked the message already`);
      else await settler.settle(delivery, command);
      return delivery;
    }
    const error = originalError(failure, context.thrownError);
    delivery.observation?.failed(error);
    // One log line per failure: Nest's default filter logged it already (with its stack) unless a filter took it.
    if (!loggedByNestFilter(failure, context.thrownError)) {
      const { errorName, errorMessage } = describeError(error);
      logger.error(`${where} failed: ${errorName}: ${errorMessage}`, error instanceof Error ? error.stack : undefined);
    }
    const onFailure = settlementOnFailure(policy, error, delivery.retry);
    if (onFailure) await settler.settle(delivery, onFailure);
    return delivery;
  }
}
