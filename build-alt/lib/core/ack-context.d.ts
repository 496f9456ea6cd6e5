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
export declare class AckContext<TMessage extends InboundMessage = InboundMessage> extends BaseRpcContext<[TMessage, string]> {
    private readonly state;
    private readonly settler;
    /**
     * The handler's error as it was thrown, before exception filters replaced it
     * (recorded by AckModule, see `recordThrownErrors`), for logs and dead letters.
     * @internal
     */
    thrownError?: unknown;
    constructor(message: TMessage, pattern: string, state: SettleOnce, settler: Settler);
    /** The delivery as the transport received it. */
    getMessage(): TMessage;
    /** The pattern the message was routed by. */
    getPattern(): string;
    /** 1 on first delivery; counted by the broker where it can. */
    getDeliveryCount(): number;
    /** The message's headers. */
    getHeaders(): Record<string, string>;
    /** Where the message came from (queue, topic/partition/offset...). */
    getSource(): MessageSource;
    /** Whether this delivery got its final decision (or was given up at shutdown). */
    isSettled(): boolean;
    /** The decision taken, if any. */
    getSettlement(): Settlement | undefined;
    /** Acks: done, never delivered again. */
    ack(): Promise<boolean>;
    /** Nacks: delivered again after `delayMs` (or the backoff), until `maxDeliveries`. */
    nack(options?: NackOptions): Promise<boolean>;
    /** Rejects: moved to the dead-letter target with `reason`. */
    reject(options?: RejectOptions): Promise<boolean>;
    /** Applies a settlement (used by the exception filter). */
    settle(settlement: Settlement): Promise<boolean>;
}
export declare function isAckContext(value: unknown): value is AckContext;
