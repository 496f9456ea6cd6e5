// The harness's hands on NATS JetStream (@nats-io/jetstream, not our client): one stream per
// scenario capturing `<stream>.item` (and the extra subjects), its dead-letter stream, reads of
// consumer info and of the dead letters.
import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { DeadLetterHeaders } from '../lib/core';
import type { DeadLetter, Driver, RawMessage } from './drivers';

/** The JetStream stream of a harness stream name (stream names take no dots). */
export function natsStreamName(stream: string): string {
  return stream.replace(/[^A-Za-z0-9_-]/g, '_').toUpperCase();
}

/** The dead-letter stream NatsAckServer uses by default for `stream`, and its subjects. */
const deadLetterStream = (stream: string) => `${natsStreamName(stream)}_DLQ`;

interface Admin {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

export class NatsDriver implements Driver {
  readonly transport = 'nats';
  private admin?: Promise<Admin>;

  constructor(readonly addresses: string[]) {}

  private connection(): Promise<Admin> {
    this.admin ??= connect({ servers: this.addresses, maxReconnectAttempts: -1, reconnectTimeWait: 100 }).then(async (nc) => ({ nc, js: jetstream(nc, { timeout: 5000 }), jsm: await jetstreamManager(nc) }));
    return this.admin;
  }

  pattern(stream: string): string {
    return `${stream}.item`;
  }

  items(stream: string, ids: number[]): RawMessage[] {
    return ids.map((id) => ({ body: Buffer.from(JSON.stringify({ pattern: this.pattern(stream), data: { id } })) }));
  }

  async prepare(stream: string, extra: string[] = []): Promise<void> {
    const { jsm } = await this.connection();
    await jsm.streams.add({ name: natsStreamName(stream), subjects: [this.pattern(stream), ...extra] });
    await jsm.streams.add({ name: deadLetterStream(stream), subjects: [`dead-letter.${natsStreamName(stream)}.>`] });
  }

  async publish(stream: string, messages: RawMessage[]): Promise<void> {
    const { js } = await this.connection();
    // Each message has a Nats-Msg-Id: one sent again after a lost PubAck (a broker restart) is stored once.
    const pending = messages.map((message) => ({ message, id: randomUUID() }));
    for (let start = 0; start < pending.length; start += 100) {
      await Promise.all(
        pending.slice(start, start + 100).map(async ({ message, id }) => {
          const hdrs = natsHeaders();
          for (const [key, value] of Object.entries(message.headers ?? {})) hdrs.set(key, value);
          if (message.replyTo !== undefined) hdrs.set('nestjs-ack-reply-to', message.replyTo);
          await retry(() => js.publish(message.topic ?? this.pattern(stream), message.body ?? new Uint8Array(0), { headers: hdrs, msgID: id }));
        }),
      );
    }
  }

  async outstanding(stream: string): Promise<number> {
    const { jsm } = await this.connection();
    const consumers = await retry(async () => jsm.consumers.list(natsStreamName(stream)).next());
    if (consumers.length === 0) return (await jsm.streams.info(natsStreamName(stream))).state.messages;
    return consumers.reduce((sum, info) => sum + info.num_pending + info.num_ack_pending, 0);
  }

  async deadLetters(stream: string): Promise<DeadLetter[]> {
    const { jsm } = await this.connection();
    const name = deadLetterStream(stream);
    const info = await retry(() => jsm.streams.info(name));
    const letters: DeadLetter[] = [];
    for (let seq = info.state.first_seq; info.state.messages > 0 && seq <= info.state.last_seq; seq++) {
      const message = await jsm.streams.getMessage(name, { seq }).catch(() => null);
      if (!message) continue;
      const get = (key: string) => (message.header?.has(key) ? message.header.get(key) : undefined);
      letters.push({ input: get('x-rel-input'), reason: get(DeadLetterHeaders.REASON) ?? '', deliveryCount: Number(get(DeadLetterHeaders.DELIVERY_COUNT) ?? NaN), body: Buffer.from(message.data) });
    }
    return letters;
  }

  async cleanup(stream: string): Promise<void> {
    const { jsm } = await this.connection();
    for (const name of [natsStreamName(stream), deadLetterStream(stream)]) await jsm.streams.delete(name).catch(() => undefined);
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await (await admin?.catch(() => undefined))?.nc.close().catch(() => undefined);
  }
}

/** Runs `work` again after a failure (a broker restart) for up to 2 minutes. */
export async function retry<T>(work: () => Promise<T>, limitMs = 120_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
