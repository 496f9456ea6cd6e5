import { BaseRpcContext } from '@nestjs/microservices';
import type { MessageSource } from './dead-letter-record';
import type { InboundMessage } from './inbound-message';
import type { NackOptions, RejectOptions, Settlement } from './settlement';
import type { SettleOnce } from './settle-once';

/**
 * Settles one delivery; resolves `true` when it settled, `false` when it was
 * settled already or the broker refused the command (its connection is gone:
 * the broker redelivers the message). Never rejects.
 */
export type Settler = (settlement: Settlement) => Promise<boolean>;

/**
 * The context every nestjs-ack handler receives (`@Ctx()`): the message's facts
 * and the three settle calls, usable under every policy, also after the
 * handler returned.
 */
export class AckContext<TMessage extends InboundMessage = InboundMessage> extends BaseRpcContext<[TMessage, string]> {
  /**
   * The handler's error as it was thrown, before exception filters replaced it
   * (recorded by AckModule, see `recordThrownErrors`), for logs and dead letters.
   * @internal
   */
  thrownError?: unknown;

  constructor(
    message: TMessage,
    pattern: string,
    private readonly state: SettleOnce,
    private readonly settler: Settler,
  ) {
    super([message, pattern]);
  }

  /** The delivery as the transport received it. */
  getMessage(): TMessage {
    return this.args[0];
  }

  /** The pattern the message was routed by. */
  getPattern(): string {
    return this.args[1];
  }

  /** 1 on first delivery; counted by the broker where it can. */
  getDeliveryCount(): number {
    return this.args[0].deliveryCount;
  }

  /** The message's headers. */
  getHeaders(): Record<string, string> {
    return this.args[0].headers;
  }

  /** Where the message came from (queue, topic/partition/offset...). */
  getSource(): MessageSource {
    return this.args[0].source;
  }

  /** Whether this delivery got its final decision (or was given up at shutdown). */
  isSettled(): boolean {
    return this.state.isSettled;
  }

  /** The decision taken, if any. */
  getSettlement(): Settlement | undefined {
    return this.state.settlement;
  }

  /** Acks: done, never delivered again. */
  ack(): Promise<boolean> {
    return this.settler({ kind: 'ack' });
  }

  /** Nacks: delivered again after `delayMs` (or the backoff), until `maxDeliveries`. */
  nack(options: NackOptions = {}): Promise<boolean> {
    return this.settler({ kind: 'nack', delayMs: options.delayMs });
  }

  /** Rejects: moved to the dead-letter target with `reason`. */
  reject(options: RejectOptions = {}): Promise<boolean> {
    return this.settler({ kind: 'reject', reason: options.reason ?? 'rejected' });
  }

  /** Applies a settlement (used by the exception filter). */
  settle(settlement: Settlement): Promise<boolean> {
    return this.settler(settlement);
  }
}

export function isAckContext(value: unknown): value is AckContext {
  return value instanceof AckContext || (typeof value === 'object' && value !== null && typeof (value as AckContext).settle === 'function' && typeof (value as AckContext).getDeliveryCount === 'function');
}
