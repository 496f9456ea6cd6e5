import type { WritePacket } from '@nestjs/microservices';
import { AckServer } from '../core/ack-server';
import type { DeadLetterRecord } from '../core/dead-letter-record';
import type { InboundMessage } from '../core/inbound-message';
import type { InMemoryAckServerOptions } from './in-memory-ack-server-options';
import type { InMemoryBroker } from './in-memory-broker';

/** A delivery of the in-memory broker. */
export interface InMemoryMessage extends InboundMessage {
  messageId: number;
}

/**
 * The nestjs-ack contract without a broker, for unit tests: publish with
 * `InMemoryAckClient`, then read `broker.state(queue)` to assert acked,
 * nacked with a delay, rejected with a reason, or dead-lettered.
 */
export class InMemoryAckServer extends AckServer<InMemoryMessage> {
  readonly broker: InMemoryBroker;
  readonly queue: string;
  private readonly deadLetterEnabled: boolean;
  private consumerId?: number;

  constructor(options: InMemoryAckServerOptions) {
    super(options);
    if (!options?.broker) throw new Error('nestjs-ack: InMemoryAckServer needs the option broker (an InMemoryBroker)');
    this.broker = options.broker;
    this.queue = options.queue ?? 'default';
    this.deadLetterEnabled = options.deadLetter ?? true;
  }

  override unwrap<T>(): T {
    return this.broker as T;
  }

  protected async start(): Promise<void> {
    this.consumerId = this.broker.consume(this.queue, (stored) => {
      void this.handleMessage({
        messageId: stored.id,
        body: stored.body,
        headers: stored.headers,
        deliveryCount: stored.deliveries,
        source: { queue: this.queue, messageId: stored.id },
        key: String(stored.id),
        replyTo: stored.replyTo,
        correlationId: stored.correlationId,
      });
    });
  }

  protected async stopReceiving(): Promise<void> {
    if (this.consumerId !== undefined) this.broker.cancel(this.queue, this.consumerId);
  }

  protected async disconnect(): Promise<void> {
    if (this.consumerId !== undefined) this.broker.disconnect(this.queue, this.consumerId);
  }

  protected async ackMessage(message: InMemoryMessage): Promise<void> {
    this.broker.ack(this.queue, message.messageId);
  }

  protected async nackMessage(message: InMemoryMessage, delayMs: number): Promise<void> {
    this.broker.nack(this.queue, message.messageId, delayMs);
  }

  protected async rejectMessage(message: InMemoryMessage, record: DeadLetterRecord): Promise<void> {
    if (this.deadLetterEnabled) this.broker.deadLetter(this.queue, message.messageId, record);
    else this.broker.ack(this.queue, message.messageId);
  }

  protected async publishReply(message: InMemoryMessage, packet: WritePacket & { id: string }): Promise<void> {
    this.broker.reply(message.replyTo!, Buffer.from(JSON.stringify(packet)), message.correlationId);
  }
}
