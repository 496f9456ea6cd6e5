import { randomUUID } from 'node:crypto';
import type { ReadPacket } from '@nestjs/microservices';
import { AckClient, type OutgoingPacket } from '../core/ack-client';
import type { InMemoryBroker } from './in-memory-broker';
import { assertKnownKeys, type AllListed, type KeysListed, type OptionKeys } from '../core/option-keys';

/** Options of `InMemoryAckClient`. */
export interface InMemoryAckClientOptions {
  /** The broker the client publishes to (the one its `InMemoryAckServer` consumes). */
  broker: InMemoryBroker;
  /** Queue to publish to. @defaultValue 'default' */
  queue?: string;
}

const IN_MEMORY_CLIENT_OPTION_NAMES = ['broker', 'queue'] as const satisfies readonly (keyof InMemoryAckClientOptions)[];
type _Client = AllListed<KeysListed<InMemoryAckClientOptions, typeof IN_MEMORY_CLIENT_OPTION_NAMES>>;
const IN_MEMORY_CLIENT_KEYS: OptionKeys = { keys: IN_MEMORY_CLIENT_OPTION_NAMES };

/** Publishes to an `InMemoryBroker` queue: `emit()` for events, `send()` for requests. */
export class InMemoryAckClient extends AckClient {
  protected readonly transport = 'in-memory';
  private readonly broker: InMemoryBroker;
  private readonly queue: string;
  private readonly replyTo = `reply.${randomUUID()}`;

  constructor(options: InMemoryAckClientOptions) {
    super();
    assertKnownKeys(options, IN_MEMORY_CLIENT_KEYS, 'InMemoryAckClient');
    this.broker = options.broker;
    this.queue = options.queue ?? 'default';
    this.initializeSerializer({});
    this.initializeDeserializer({});
  }

  unwrap<T>(): T {
    return this.broker as T;
  }

  /** Publishes a raw body (for testing undecodable input); returns the broker's message id. */
  publishRaw(body: Buffer, headers: Record<string, string> = {}): number {
    return this.broker.publish(this.queue, body, { headers });
  }

  /** Publishes an event and returns its broker message id (for `broker.historyOf`). */
  emitAndGetId(pattern: unknown, data: unknown): number {
    const packet = this.serializer.serialize({ pattern, data });
    return this.broker.publish(this.queue, Buffer.from(JSON.stringify(packet)));
  }

  protected async open(): Promise<void> {
    this.broker.listenForReplies(this.replyTo, (body) => void this.deliverReply(JSON.parse(body.toString('utf8'))));
  }

  protected async disconnect(): Promise<void> {
    this.broker.stopListeningForReplies(this.replyTo);
  }

  protected destinationOf(): string {
    return this.queue;
  }

  protected async publishPacket(packet: OutgoingPacket, request: boolean, trace: Record<string, string> | undefined): Promise<void> {
    const { body, headers } = this.encodePacket(packet as ReadPacket, undefined, trace);
    this.broker.publish(this.queue, Buffer.from(body), request ? { replyTo: this.replyTo, correlationId: packet.id, headers } : { headers });
  }
}
