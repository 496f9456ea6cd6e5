import type { BrokerCommands } from '../core/broker-commands';
import type { DeadLetterRecord } from '../core/dead-letter-record';
import type { InMemoryBroker } from './in-memory-broker';
import type { InMemoryMessage } from './in-memory-message';
/** ack / nack / reject / lease on the in-memory broker's queue. */
export declare class InMemoryCommands implements BrokerCommands<InMemoryMessage> {
    private readonly broker;
    private readonly queue;
    private readonly deadLetter;
    readonly leaseRenewalMs?: number;
    constructor(broker: InMemoryBroker, queue: string, deadLetter: boolean, leaseMs: number | undefined);
    ack(message: InMemoryMessage): Promise<void>;
    nack(message: InMemoryMessage, delayMs: number): Promise<void>;
    reject(message: InMemoryMessage, record: DeadLetterRecord): Promise<void>;
    extendLease(message: InMemoryMessage): Promise<void>;
}
