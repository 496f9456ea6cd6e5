import type { WritePacket } from '@nestjs/microservices';
import type { DeadLetterRecord } from './dead-letter-record';
import type { InboundMessage } from './inbound-message';

/** How an ack must be carried out. */
export interface AckOptions {
  /**
   * The ack must be recorded by the broker when the returned promise resolves:
   * `ACK_FIRST` runs the handler only once the message can no longer come back.
   * Brokers whose ack is final once sent may ignore it; Kafka flushes its commit.
   */
  durable: boolean;
}

/**
 * The broker side of settling, one implementation per transport (in its own
 * file), called by the core only, once per delivery. Each command targets the
 * broker the message came from; when that is no longer possible (its channel,
 * partition or connection is gone) it throws `DeliveryGoneError` and the broker
 * redelivers the message.
 */
export interface BrokerCommands<M extends InboundMessage> {
  /**
   * Done: never delivered again. May return nothing when the ack is complete
   * once the call returns (a command written to the connection, an offset
   * marked): the core then settles without a promise.
   */
  ack(message: M, options: AckOptions): Promise<void> | void;
  /** Delivered again after `delayMs` (0: as soon as the broker can). */
  nack(message: M, delayMs: number): Promise<void>;
  /**
   * Stores `record` in the dead-letter target (or drops the message when
   * dead-lettering is off), then settles the source. Must not settle the source
   * when the dead-letter target refused: throw instead, and the core nacks.
   */
  reject(message: M, record: DeadLetterRecord): Promise<void>;
  /**
   * Keeps the delivery from expiring while its handler still runs (JetStream
   * `working()`, Redis `XCLAIM` to itself, a table row's lease). Called by the
   * core every `leaseRenewalMs` while the handler runs. Brokers without leases
   * leave it out.
   */
  extendLease?(message: M): Promise<void>;
  /** Period of `extendLease` calls, in ms. Required with `extendLease`. */
  readonly leaseRenewalMs?: number;
}

/**
 * A transport that can carry a request's reply declares it by giving the core
 * one of these. Without it, a `@MessagePattern` handler fails the start with
 * `RepliesNotSupportedError`.
 */
export interface ReplyPublisher<M extends InboundMessage> {
  /**
   * Whether `replyTo`, read from `message`, is an address replies may go to
   * (the transport's `replyAddresses` allow-list). Called before the handler
   * runs; a refused request is dead-lettered as `invalid-reply-address`.
   */
  acceptsReplyAddress(replyTo: string, message: M): boolean;
  /** Publishes one reply packet of the request `message` to `replyTo`. */
  publishReply(message: M, replyTo: string, packet: WritePacket & { id: string }): Promise<void>;
}
