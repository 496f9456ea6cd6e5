import type { WritePacket } from '@nestjs/microservices';
import { AckServer } from '../core/ack-server';
import type { ReplyPublisher } from '../core/broker-commands';
import { ReplyAddressAllowList, type ReplyAddressRules } from '../core/reply-address-allow-list';
import type { BrokerHealth } from '../core/broker-health';
import { InvalidOptionError } from '../core/errors';
import { IN_MEMORY_SERVER_KEYS, type InMemoryAckServerOptions } from './in-memory-ack-server-options';
import { assertKnownKeys } from '../core/option-keys';
import type { InMemoryBroker } from './in-memory-broker';
import { InMemoryCommands } from './in-memory-commands';
import { toInMemoryMessage, type InMemoryMessage } from './in-memory-message';

/** Identifies this transport to Nest's processing hooks. */
export const IN_MEMORY_TRANSPORT = Symbol.for('nestjs-ack.in-memory');

/** The in-memory client's reply addresses (`reply.<uuid>`): printable, no whitespace. */
const IN_MEMORY_REPLY_ADDRESSES: ReplyAddressRules = { prefixes: ['reply.'], names: [], shape: /^[\x21-\x7e]{1,255}$/, shapeText: 'printable ASCII without spaces, at most 255 characters' };

/**
 * The nestjs-ack contract without a broker, for unit tests: publish with
 * `InMemoryAckClient`, then read `broker.state(queue)` to assert acked,
 * nacked with a delay, rejected with a reason, or dead-lettered.
 */
export class InMemoryAckServer extends AckServer<InMemoryMessage> {
  readonly broker: InMemoryBroker;
  readonly queue: string;
  protected readonly commands: InMemoryCommands;
  protected override readonly replies?: ReplyPublisher<InMemoryMessage> = {
    acceptsReplyAddress: (replyTo: string) => this.replyAddresses.accepts(replyTo),
    publishReply: async (message: InMemoryMessage, replyTo: string, packet: WritePacket & { id: string }) =>
      this.broker.reply(replyTo, Buffer.from(JSON.stringify(packet)), message.correlationId),
  };
  private readonly replyAddresses: ReplyAddressAllowList;
  private consumerId?: number;

  constructor(options: InMemoryAckServerOptions) {
    super(options, IN_MEMORY_TRANSPORT);
    assertKnownKeys(options, IN_MEMORY_SERVER_KEYS, 'InMemoryAckServer');
    if (!options?.broker) throw new InvalidOptionError('broker', options?.broker, 'an InMemoryBroker');
    if (options.leaseMs !== undefined && !(Number.isFinite(options.leaseMs) && options.leaseMs > 0)) throw new InvalidOptionError('leaseMs', options.leaseMs, 'a number > 0');
    this.replyAddresses = new ReplyAddressAllowList('replyAddresses', options.replyAddresses, IN_MEMORY_REPLY_ADDRESSES);
    this.broker = options.broker;
    this.queue = options.queue ?? 'default';
    this.broker.setLease(this.queue, options.leaseMs);
    this.commands = new InMemoryCommands(this.broker, this.queue, options.deadLetter ?? true, options.leaseMs);
  }

  override unwrap<T>(): T {
    return this.broker as T;
  }

  /** Consuming while started; `backlog` is the queue's ready messages. Always connected: there is no broker to lose. */
  override async probeHealth(): Promise<BrokerHealth> {
    const ready = this.broker.state(this.queue).ready;
    return { transport: 'in-memory', state: this.currentStatus, connected: true, consuming: this.consumerId !== undefined, backlog: ready, details: { queue: this.queue, ready } };
  }

  protected async start(): Promise<void> {
    this.consumerId = this.broker.consume(this.queue, (stored) => void this.handleMessage(toInMemoryMessage(stored, this.queue)));
  }

  protected async stopReceiving(): Promise<void> {
    if (this.consumerId !== undefined) this.broker.cancel(this.queue, this.consumerId);
  }

  protected async disconnect(): Promise<void> {
    if (this.consumerId !== undefined) this.broker.disconnect(this.queue, this.consumerId);
    this.consumerId = undefined;
  }
}
