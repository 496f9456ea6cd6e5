import type { JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { AckOptions, BrokerCommands } from '../core/broker-commands';
import { deadLetterHeaders, type DeadLetterRecord } from '../core/dead-letter-record';
import { asError, DeadLetterRefusedError, DeliveryGoneError } from '../core/errors';
import { copyHeaders } from './nats-headers';
import type { NatsMessage } from './nats-message';
import type { NatsDeadLetterTarget } from './nats-settings';
import type { ServerFeatures } from './nats-version';

/** What the commands need of the server's live connection. */
export interface NatsLink {
  readonly connection?: NatsConnection;
  readonly jetstream?: JetStreamClient;
  readonly features: ServerFeatures;
}

/**
 * ack / nack / reject / lease on JetStream: `ack()` (`ackAck()` when it must be
 * recorded first), `nak(delay)`, a dead-letter copy acknowledged by its stream
 * then `term()`, and `working()` to keep a running handler's delivery.
 */
export class NatsCommands implements BrokerCommands<NatsMessage> {
  /** Renewed at a third of `ack_wait`: two renewals may be late before the server redelivers. */
  readonly leaseRenewalMs: number;

  constructor(
    private readonly link: NatsLink,
    private readonly deadLetter: NatsDeadLetterTarget | false,
    ackWaitMs: number,
  ) {
    this.leaseRenewalMs = Math.max(100, Math.floor(ackWaitMs / 3));
  }

  /** Synchronous unless `durable` (`ACK_FIRST` waits for the server's confirmation). */
  ack(message: NatsMessage, { durable }: AckOptions): Promise<void> | void {
    this.ensureOpen(message);
    if (durable) return message.raw.ackAck().then(() => undefined);
    message.raw.ack();
  }

  async nack(message: NatsMessage, delayMs: number): Promise<void> {
    this.ensureOpen(message);
    // The server holds the message back for the delay itself; nothing waits here.
    message.raw.nak(delayMs > 0 ? delayMs : undefined);
  }

  async reject(message: NatsMessage, record: DeadLetterRecord): Promise<void> {
    this.ensureOpen(message);
    if (this.deadLetter) await this.storeDeadLetter(message, record, this.deadLetter);
    // `+TERM <reason>` is understood from 2.11 on; older servers ignore it as an unknown ack, so they get a bare `+TERM`.
    message.raw.term(this.link.features.termReason ? record.reason : undefined);
  }

  async extendLease(message: NatsMessage): Promise<void> {
    this.ensureOpen(message);
    message.raw.working();
  }

  private async storeDeadLetter(message: NatsMessage, record: DeadLetterRecord, target: NatsDeadLetterTarget): Promise<void> {
    const js = this.link.jetstream;
    if (!js) throw new DeliveryGoneError('the connection to NATS is closed');
    try {
      await js.publish(`${target.subjectPrefix}.${message.subject}`, record.body, {
        headers: copyHeaders(deadLetterHeaders(record)),
        // A copy stored before a lost term is not stored twice when the redelivery is rejected again.
        msgID: `dead-letter:${message.key}`,
        expect: { streamName: target.stream },
        timeout: target.publishTimeoutMs,
      });
    } catch (error) {
      throw new DeadLetterRefusedError(`stream "${target.stream}" did not store the dead letter: ${asError(error).message}`, { cause: error });
    }
  }

  private ensureOpen(message: NatsMessage): void {
    const connection = this.link.connection;
    if (!connection || connection.isClosed()) {
      throw new DeliveryGoneError(`the connection to NATS is closed; stream ${message.source.stream} redelivers sequence ${message.source.sequence} after ack_wait`);
    }
  }
}
