import type { LoggerService } from '@nestjs/common';
import type { BrokerCommands } from './broker-commands';
import { DeadLetterFailures } from './dead-letter-failures';
import type { Delivery } from './delivery';
import type { InboundMessage } from './inbound-message';
import type { Settlement } from './settlement';
import type { SettlementEvent } from './settlement-event';
/** What the settler reports to its server. */
export interface SettlerReports {
    logger: LoggerService;
    logSettlements: boolean;
    /** Emits an `error` event; also logs it unless `log` is false (the caller logged already). */
    reportError(error: Error, what: string, log?: boolean): void;
    settled(event: SettlementEvent, delivery: Delivery<InboundMessage>): void;
}
/**
 * Turns decisions into broker commands, once per delivery: applies the retry
 * rules to nacks, builds dead-letter records, falls back to a growing nack
 * when the dead-letter target refuses, and reports each settlement.
 */
export declare class DeliverySettler<M extends InboundMessage> {
    private readonly commands;
    private readonly reports;
    private readonly failureClock;
    readonly deadLetterFailures: DeadLetterFailures;
    constructor(commands: BrokerCommands<M>, reports: SettlerReports);
    /**
     * Settles once: the first decision wins, later ones resolve `false` and never
     * reach the broker. Also `false` when the broker refused the command (its
     * channel or connection is gone): reported as an `error` event, and the
     * broker redelivers the message. `durable` asks for an ack recorded by the
     * broker before this resolves (`ACK_FIRST`).
     */
    settle(delivery: Delivery<M>, requested: Settlement, durable?: boolean): Promise<boolean>;
    /** A nack past `maxDeliveries` becomes a reject; otherwise an explicit delay wins over the backoff. */
    private applyRetryRules;
    private deadLetter;
    /** Nothing is lost: the source is nacked with a growing delay and comes back until the target takes it. */
    private onDeadLetterRefused;
    private afterSettle;
}
