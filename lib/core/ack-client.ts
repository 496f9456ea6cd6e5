import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { ConnectionClosedError } from './errors';
import { emitStatus } from './nest-compat';
import { PendingRequests } from './pending-requests';
import { observePublish } from './telemetry-hooks';

/** A packet with the id `send()` gave it (events have none). */
export type OutgoingPacket = ReadPacket & { id?: string };

/** A packet ready for the wire (see `AckClient.encodePacket`). */
export interface EncodedPacket {
  body: string;
  headers: Record<string, string>;
  /** A record's own publish options, headers included, as the serializer gave them. */
  options?: Record<string, unknown>;
}

/**
 * The base of every nestjs-ack client: one connect at a time (a failed one is
 * tried again by the next call), requests waiting for their reply failed with
 * `RequestAbandonedError` on `close()`, and the same publish path for
 * `send()` and `emit()` on every broker, with the publish observed by
 * telemetry. A broker client gives `open`, `disconnect`, `publishPacket` and
 * `destinationOf`, and hands replies to `deliverReply`.
 */
export abstract class AckClient extends ClientProxy {
  /** The requests waiting for their reply, by id. */
  protected readonly pending = new PendingRequests();
  private connecting?: Promise<void>;
  /** Counts `close()` calls: a connect that was under way when one ran is closed instead of kept. */
  private closes = 0;

  /** `rabbitmq`, `kafka`...: what telemetry observers are told. */
  protected abstract readonly transport: string;

  /** Opens the connection(s) a publish needs. */
  protected abstract open(): Promise<void>;
  /** Closes whatever `open` (and the reply listener) opened; idempotent, also after a failed `open`. */
  protected abstract disconnect(): Promise<void>;
  /** Where a packet goes (queue, topic, subject, stream, table), for telemetry. */
  protected abstract destinationOf(packet: ReadPacket): string;
  /**
   * Publishes one packet and resolves once the broker stored it. A request
   * (`request` true) carries its `id` and this client's reply address;
   * `trace` holds the trace-context headers of a telemetry observer, if any.
   */
  protected abstract publishPacket(packet: OutgoingPacket, request: boolean, trace: Record<string, string> | undefined): Promise<void>;

  /** Starts listening for replies before a request goes out (clients whose replies need a consumer of their own). */
  protected listenForReplies(): Promise<void> {
    return Promise.resolve();
  }

  /** Connects once; concurrent calls share the attempt, and a failed attempt is tried again by the next call. */
  connect(): Promise<void> {
    const closes = this.closes;
    const connecting: Promise<void> = (this.connecting ??= this.open()
      .then(async () => {
        if (closes === this.closes) return;
        await this.disconnect().catch(() => undefined);
        throw new ConnectionClosedError('the client was closed while it connected');
      })
      .catch(async (error) => {
        if (this.connecting === connecting) this.connecting = undefined;
        if (closes === this.closes) await this.disconnect().catch(() => undefined);
        throw error;
      }));
    return connecting;
  }

  /** Fails every request still waiting for its reply (`RequestAbandonedError`), then closes the connection(s). */
  async close(): Promise<void> {
    this.closes++;
    this.connecting = undefined;
    // Their replies can no longer arrive: end them now rather than leave the callers waiting forever.
    this.pending.failAll('the client closed before the reply arrived');
    await this.disconnect();
  }

  protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const packet = this.assignPacketId(partial);
    const unsubscribe = this.pending.add(packet.id, callback);
    this.connect()
      .then(() => this.listenForReplies())
      .then(() => {
        // close() failed the request meanwhile: publish nothing.
        if (this.pending.has(packet.id)) return this.publishObserved(packet, true);
      })
      .catch((err) => this.pending.fail(packet.id, err));
    return unsubscribe;
  }

  protected async dispatchEvent<T = unknown>(packet: ReadPacket): Promise<T> {
    await this.connect();
    await this.publishObserved(packet, false);
    return undefined as T;
  }

  /** Tells Nest's client `status` stream (Nest >= 11; nothing on Nest 10, which has none) what the driver saw. */
  protected reportStatus(status: 'connected' | 'disconnected' | 'reconnecting'): void {
    emitStatus(this, status);
  }

  /** Hands a reply (already parsed from the wire) to its request, through the client's deserializer; replies to no waiting request are dropped. */
  protected async deliverReply(reply: unknown): Promise<void> {
    const { id, err, response, isDisposed } = await this.deserializer.deserialize(reply);
    if (id !== undefined && id !== null) this.pending.deliver(String(id), { err, response, isDisposed });
  }

  /**
   * The packet as the wire's JSON body (`{ pattern, data, id? }`, through the
   * client's serializer) and its headers: `headers` (the client's option),
   * then the packet's own (a record's `options.headers`), then `trace`.
   * `options` is the rest of a record's options (RabbitMQ's publish options).
   */
  protected encodePacket(packet: ReadPacket, headers: Record<string, string> | undefined, trace: Record<string, string> | undefined): EncodedPacket {
    const { options, ...serialized } = this.serializer.serialize(packet) as Record<string, unknown> & { options?: Record<string, unknown> & { headers?: Record<string, string> } };
    return { body: JSON.stringify(serialized), headers: { ...headers, ...options?.headers, ...trace }, options };
  }

  private publishObserved(packet: OutgoingPacket, request: boolean): Promise<void> {
    const pattern = this.normalizePattern(packet.pattern);
    return observePublish({ transport: this.transport, destination: this.destinationOf(packet), pattern, request }, (trace) => this.publishPacket(packet, request, trace));
  }
}
