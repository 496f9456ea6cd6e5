import { randomUUID } from 'node:crypto';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { PendingRequests } from '../core/pending-requests';
import { observePublish } from '../core/telemetry-hooks';
import type { InMemoryBroker } from './in-memory-broker';
import { assertKnownKeys, type AllListed, type KeysListed, type OptionKeys } from '../core/option-keys';

/** Options of `InMemoryAckClient`. */
export interface InMemoryAckClientOptions {
  broker: InMemoryBroker;
  /** Queue to publish to. @defaultValue 'default' */
  queue?: string;
}

const IN_MEMORY_CLIENT_OPTION_NAMES = ['broker', 'queue'] as const satisfies readonly (keyof InMemoryAckClientOptions)[];
type _Client = AllListed<KeysListed<InMemoryAckClientOptions, typeof IN_MEMORY_CLIENT_OPTION_NAMES>>;
const IN_MEMORY_CLIENT_KEYS: OptionKeys = { keys: IN_MEMORY_CLIENT_OPTION_NAMES };

/** Publishes to an `InMemoryBroker` queue: `emit()` for events, `send()` for requests. */
export class InMemoryAckClient extends ClientProxy {
  private readonly broker: InMemoryBroker;
  private readonly queue: string;
  private readonly replyTo = `reply.${randomUUID()}`;
  private readonly pending = new PendingRequests();

  constructor(options: InMemoryAckClientOptions) {
    super();
    assertKnownKeys(options, IN_MEMORY_CLIENT_KEYS, 'InMemoryAckClient');
    this.broker = options.broker;
    this.queue = options.queue ?? 'default';
    this.initializeSerializer({});
    this.initializeDeserializer({});
    this.broker.listenForReplies(this.replyTo, (body) => this.onReply(body));
  }

  async connect(): Promise<void> {}

  close(): void {
    this.broker.stopListeningForReplies(this.replyTo);
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

  protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const packet = this.assignPacketId(partial);
    const unsubscribe = this.pending.add(packet.id, callback);
    const body = Buffer.from(JSON.stringify(this.serializer.serialize(packet)));
    this.publishObserved(packet, body, { replyTo: this.replyTo, correlationId: packet.id }).catch((err) => this.pending.fail(packet.id, err));
    return unsubscribe;
  }

  protected async dispatchEvent<T = any>(packet: ReadPacket): Promise<T> {
    await this.publishObserved(packet, Buffer.from(JSON.stringify(this.serializer.serialize(packet))), {});
    return undefined as T;
  }

  /** Publishes with the trace context headers of a telemetry observer, when one is set. */
  private publishObserved(packet: ReadPacket, body: Buffer, options: { replyTo?: string; correlationId?: string }): Promise<number> {
    const info = { transport: 'in-memory', destination: this.queue, pattern: this.normalizePattern(packet.pattern), request: options.replyTo !== undefined };
    return observePublish(info, async (headers) => this.broker.publish(this.queue, body, { ...options, headers }));
  }

  private onReply(body: Buffer): void {
    const packet = JSON.parse(body.toString('utf8')) as WritePacket & { id: string };
    this.pending.deliver(packet.id, packet);
  }
}
