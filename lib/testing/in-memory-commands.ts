import type { BrokerCommands } from '../core/broker-commands';
import type { DeadLetterRecord } from '../core/dead-letter-record';
import type { InMemoryBroker } from './in-memory-broker';
import type { InMemoryMessage } from './in-memory-message';

/** ack / nack / reject / lease on the in-memory broker's queue. */
export class InMemoryCommands implements BrokerCommands<InMemoryMessage> {
  readonly leaseRenewalMs?: number;

  constructor(
    private readonly broker: InMemoryBroker,
    private readonly queue: string,
    private readonly deadLetter: boolean,
    leaseMs: number | undefined,
  ) {
    // Renew at a third of the lease: two renewals may be late before it runs out.
    this.leaseRenewalMs = leaseMs === undefined ? undefined : Math.max(1, Math.floor(leaseMs / 3));
  }

  ack(message: InMemoryMessage): void {
    this.broker.ack(this.queue, message.messageId);
  }

  async nack(message: InMemoryMessage, delayMs: number): Promise<void> {
    this.broker.nack(this.queue, message.messageId, delayMs);
  }

  async reject(message: InMemoryMessage, record: DeadLetterRecord): Promise<void> {
    if (this.deadLetter) this.broker.deadLetter(this.queue, message.messageId, record);
    else this.broker.ack(this.queue, message.messageId);
  }

  async extendLease(message: InMemoryMessage): Promise<void> {
    this.broker.extendLease(this.queue, message.messageId);
  }
}
