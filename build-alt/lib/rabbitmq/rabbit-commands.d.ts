import type { BrokerCommands } from '../core/broker-commands';
import { type DeadLetterRecord } from '../core/dead-letter-record';
import type { DelayedNacks } from './rabbit-delayed-nacks';
import type { RabbitMessage } from './rabbit-message';
import type { RabbitServerSettings } from './rabbit-settings';
/**
 * The broker side of ack / nack / reject. Every call goes to the channel the
 * message came from, and refuses when that channel is gone (the broker has
 * requeued the message; a late ack on another channel would be a 406).
 */
export declare class RabbitCommands implements BrokerCommands<RabbitMessage> {
    private readonly settings;
    private readonly delayedNacks;
    private readonly isClosing;
    constructor(settings: RabbitServerSettings, delayedNacks: DelayedNacks, isClosing: () => boolean);
    ack(message: RabbitMessage): Promise<void>;
    /** With a delay the message stays unacked on its channel until the delay ends (`DelayedNacks`); at close it goes back at once. */
    nack(message: RabbitMessage, delayMs: number): Promise<void>;
    reject(message: RabbitMessage, record: DeadLetterRecord): Promise<void>;
}
