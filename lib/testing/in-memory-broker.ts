import type { DeadLetterRecord } from '../core/dead-letter-record';
import { DeadLetterRefusedError, DeliveryGoneError, UnroutableMessageError } from '../core/errors';

/** A message as the in-memory broker stores it. */
export interface StoredMessage {
  id: number;
  body: Buffer;
  headers: Record<string, string>;
  /** Deliveries so far; the next delivery's count is this plus one. */
  deliveries: number;
  replyTo?: string;
  correlationId?: string;
}

/** One line of a queue's history: what happened to which message. */
export type BrokerEvent =
  | { type: 'published'; messageId: number }
  | { type: 'delivered'; messageId: number; deliveryCount: number }
  | { type: 'acked'; messageId: number }
  | { type: 'nacked'; messageId: number; delayMs: number }
  | { type: 'dead-lettered'; messageId: number; reason: string }
  | { type: 'requeued'; messageId: number }
  | { type: 'lease-expired'; messageId: number };

type Deliver = (message: StoredMessage) => void;

interface Queue {
  ready: StoredMessage[];
  unacked: Map<number, { message: StoredMessage; consumer: number; lease?: NodeJS.Timeout }>;
  /** Dead letters are refused (as a full or too small target would): `deadLetter` throws. */
  deadLettersBlocked?: boolean;
  /** Unsettled deliveries come back after this long unless their lease is extended (like JetStream's `ackWait`). */
  leaseMs?: number;
  delayed: Map<number, { message: StoredMessage; timer: NodeJS.Timeout }>;
  deadLetters: DeadLetterRecord[];
  history: BrokerEvent[];
  consumers: Map<number, Deliver>;
}

/** What a test reads back about one queue. */
export interface QueueState {
  /** Waiting for a consumer. */
  ready: number;
  /** Delivered and not yet settled. */
  unacked: number;
  /** Nacked with a delay, waiting to come back. */
  delayed: number;
  deadLetters: DeadLetterRecord[];
  history: BrokerEvent[];
  /** Consumers currently receiving. */
  consumers: number;
}

/**
 * A broker in memory with the semantics the contract needs: deliveries
 * counted, unsettled messages redelivered when their consumer goes away,
 * delayed nacks, a dead-letter list per queue. Share one between an
 * `InMemoryAckServer` and an `InMemoryAckClient`.
 */
export class InMemoryBroker {
  private readonly queues = new Map<string, Queue>();
  private readonly replyListeners = new Map<string, (body: Buffer, correlationId?: string) => void>();
  private nextMessageId = 1;
  private nextConsumerId = 1;

  publish(queueName: string, body: Buffer, options: { headers?: Record<string, string>; replyTo?: string; correlationId?: string } = {}): number {
    const queue = this.queue(queueName);
    const message: StoredMessage = { id: this.nextMessageId++, body, headers: { ...options.headers }, deliveries: 0, replyTo: options.replyTo, correlationId: options.correlationId };
    queue.history.push({ type: 'published', messageId: message.id });
    queue.ready.push(message);
    this.dispatch(queueName);
    return message.id;
  }

  /** Starts delivering the queue's messages to `deliver`; returns the consumer id. */
  consume(queueName: string, deliver: Deliver): number {
    const id = this.nextConsumerId++;
    this.queue(queueName).consumers.set(id, deliver);
    this.dispatch(queueName);
    return id;
  }

  /**
   * Gives the queue a lease: a delivery not settled within `leaseMs` (and not
   * extended with `extendLease`) is delivered again, as JetStream does after `ackWait`.
   */
  setLease(queueName: string, leaseMs: number | undefined): void {
    this.queue(queueName).leaseMs = leaseMs;
  }

  /** Restarts the lease of an unsettled delivery. */
  extendLease(queueName: string, messageId: number): void {
    const queue = this.queue(queueName);
    const entry = queue.unacked.get(messageId);
    if (!entry) throw new DeliveryGoneError(`message ${messageId} is not awaiting settlement`);
    this.startLease(queueName, queue, messageId, entry);
  }

  /** Stops delivering to a consumer; its unsettled messages stay with it until `disconnect`. */
  cancel(queueName: string, consumerId: number): void {
    this.queue(queueName).consumers.delete(consumerId);
  }

  /** Gives a consumer's unsettled messages back to the queue, as a closed channel does. */
  disconnect(queueName: string, consumerId: number): void {
    const queue = this.queue(queueName);
    queue.consumers.delete(consumerId);
    for (const [id, entry] of queue.unacked) {
      if (entry.consumer !== consumerId) continue;
      clearTimeout(entry.lease);
      queue.unacked.delete(id);
      queue.history.push({ type: 'requeued', messageId: id });
      queue.ready.unshift(entry.message);
    }
    this.dispatch(queueName);
  }

  ack(queueName: string, messageId: number): void {
    const queue = this.queue(queueName);
    this.takeUnacked(queue, messageId);
    queue.history.push({ type: 'acked', messageId });
  }

  nack(queueName: string, messageId: number, delayMs: number): void {
    const queue = this.queue(queueName);
    const message = this.takeUnacked(queue, messageId);
    queue.history.push({ type: 'nacked', messageId, delayMs });
    const timer = setTimeout(() => {
      queue.delayed.delete(messageId);
      queue.ready.push(message);
      this.dispatch(queueName);
    }, delayMs);
    timer.unref();
    queue.delayed.set(messageId, { message, timer });
  }

  /** Makes the queue's dead-letter list refuse entries (`true`) or take them again, to test a failing dead-letter target. */
  blockDeadLetters(queueName: string, blocked: boolean): void {
    this.queue(queueName).deadLettersBlocked = blocked;
  }

  deadLetter(queueName: string, messageId: number, record: DeadLetterRecord): void {
    const queue = this.queue(queueName);
    if (queue.deadLettersBlocked) throw new DeadLetterRefusedError(`the dead-letter list of "${queueName}" refuses entries`);
    this.takeUnacked(queue, messageId);
    queue.deadLetters.push(record);
    queue.history.push({ type: 'dead-lettered', messageId, reason: record.reason });
  }

  /** Registers where replies to `replyTo` go. */
  listenForReplies(replyTo: string, listener: (body: Buffer, correlationId?: string) => void): void {
    this.replyListeners.set(replyTo, listener);
  }

  stopListeningForReplies(replyTo: string): void {
    this.replyListeners.delete(replyTo);
  }

  reply(replyTo: string, body: Buffer, correlationId?: string): void {
    const listener = this.replyListeners.get(replyTo);
    if (!listener) throw new UnroutableMessageError(`no reply listener on "${replyTo}"`);
    listener(body, correlationId);
  }

  /** A snapshot of the queue for assertions. */
  state(queueName: string): QueueState {
    const queue = this.queue(queueName);
    return {
      ready: queue.ready.length,
      unacked: queue.unacked.size,
      delayed: queue.delayed.size,
      deadLetters: [...queue.deadLetters],
      history: [...queue.history],
      consumers: queue.consumers.size,
    };
  }

  /** The history of one message. */
  historyOf(queueName: string, messageId: number): BrokerEvent[] {
    return this.queue(queueName).history.filter((event) => event.messageId === messageId);
  }

  private takeUnacked(queue: Queue, messageId: number): StoredMessage {
    const entry = queue.unacked.get(messageId);
    // The real brokers answer a settle of an unknown delivery with an error (RabbitMQ closes the channel).
    if (!entry) throw new DeliveryGoneError(`message ${messageId} is not awaiting settlement`);
    clearTimeout(entry.lease);
    queue.unacked.delete(messageId);
    return entry.message;
  }

  private startLease(queueName: string, queue: Queue, messageId: number, entry: { message: StoredMessage; lease?: NodeJS.Timeout }): void {
    clearTimeout(entry.lease);
    if (queue.leaseMs === undefined) return;
    entry.lease = setTimeout(() => {
      if (queue.unacked.get(messageId) !== entry) return;
      queue.unacked.delete(messageId);
      queue.history.push({ type: 'lease-expired', messageId });
      queue.ready.push(entry.message);
      this.dispatch(queueName);
    }, queue.leaseMs);
    entry.lease.unref();
  }

  private dispatch(queueName: string): void {
    const queue = this.queue(queueName);
    const consumers = [...queue.consumers.entries()];
    let turn = 0;
    while (queue.ready.length > 0 && consumers.length > 0) {
      // Taken as a whole: shift() on a long array moves every element (a backlog of 100,000 took minutes).
      const batch = queue.ready;
      queue.ready = [];
      for (const message of batch) {
        const [consumerId, deliver] = consumers[turn++ % consumers.length];
        message.deliveries++;
        const entry = { message, consumer: consumerId };
        queue.unacked.set(message.id, entry);
        this.startLease(queueName, queue, message.id, entry);
        queue.history.push({ type: 'delivered', messageId: message.id, deliveryCount: message.deliveries });
        deliver(message);
      }
    }
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = { ready: [], unacked: new Map(), delayed: new Map(), deadLetters: [], history: [], consumers: new Map() };
      this.queues.set(name, queue);
    }
    return queue;
  }
}
