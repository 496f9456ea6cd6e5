import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AckPolicy as JsAckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { NatsAckServer } from '../lib/nats';
import { brokerUrls } from '../test/support/broker-urls';
import { after, benchModule, type BrokerBench, type Contender } from './measure';

const BATCH = 50;
const SUBJECT = 'bench';

const uniqueStream = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${Math.random().toString(16).slice(2, 8)}`.toUpperCase();

const ours = (ackModule: boolean): Contender => ({
  role: ackModule ? 'ours+module' : 'ours',
  label: ackModule ? 'NatsAckServer + AckModule' : 'NatsAckServer',
  async start(stream, work, tick) {
    const server = new NatsAckServer({ servers: brokerUrls.nats, stream, concurrency: BATCH, batchSize: BATCH, deadLetter: false });
    server.on('settled', tick);
    const app = await NestFactory.createMicroservice(benchModule(`${stream}.${SUBJECT}`, work, { ackPolicy: true, ackModule }), { strategy: server, logger: ['error'] });
    await app.listen();
    return () => app.close();
  },
});

/** NATS JetStream: a durable pull consumer's consume() + ack by hand (at most `BATCH` handlers at once, like ours), `NatsAckServer` without and with `AckModule` (Nest's NATS transport has no JetStream acks: no Nest column). */
export function natsBench(): BrokerBench {
  const streams: string[] = [];
  return {
    id: 'nats',
    title: `NATS JetStream, batch ${BATCH}`,
    concurrency: BATCH,
    contenders: [
      {
        role: 'raw',
        label: '@nats-io/jetstream consume + ack',
        async start(stream, work, tick) {
          const nc = await connect({ servers: brokerUrls.nats });
          const jsm = await jetstreamManager(nc);
          await jsm.consumers.add(stream, { durable_name: 'raw', ack_policy: JsAckPolicy.Explicit, filter_subject: `${stream}.${SUBJECT}` });
          const consumer = await jetstream(nc).consumers.get(stream, 'raw');
          const messages = await consumer.consume({ max_messages: BATCH });
          // At most BATCH handlers at once, as ours (`concurrency`): consume() refills its buffer as
          // messages are taken, not as they are acked, so an unbounded loop would run up to the
          // consumer's max_ack_pending (1000) handlers at once.
          let running = 0;
          let slotFreed: (() => void) | undefined;
          void (async () => {
            for await (const message of messages) {
              if (running >= BATCH) await new Promise<void>((resolve) => (slotFreed = resolve));
              running++;
              const packet = JSON.parse(message.string());
              void after(work(packet.data), () => {
                message.ack();
                tick();
                running--;
                const wake = slotFreed;
                slotFreed = undefined;
                wake?.();
              });
            }
          })();
          return async () => {
            await messages.close();
            await nc.close();
          };
        },
      },
      ours(false),
      ours(true),
    ],
    async fill(count) {
      const stream = uniqueStream('BENCH');
      streams.push(stream);
      const subject = `${stream}.${SUBJECT}`;
      const nc = await connect({ servers: brokerUrls.nats });
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({ name: stream, subjects: [subject] });
      const js = jetstream(nc);
      const acks: Promise<unknown>[] = [];
      for (let i = 0; i < count; i++) {
        acks.push(js.publish(subject, JSON.stringify({ pattern: subject, data: { i } })));
        if (acks.length === 500) await Promise.all(acks.splice(0));
      }
      await Promise.all(acks);
      await nc.close();
      return stream;
    },
    async publisher(stream) {
      const nc = await connect({ servers: brokerUrls.nats });
      const js = jetstream(nc);
      const subject = `${stream}.${SUBJECT}`;
      return {
        publish: async (data) => void (await js.publish(subject, JSON.stringify({ pattern: subject, data }))),
        close: () => nc.close(),
      };
    },
    async version() {
      const nc = await connect({ servers: brokerUrls.nats });
      const version = nc.info?.version;
      await nc.close();
      return `NATS ${version}`;
    },
    async cleanup() {
      const nc = await connect({ servers: brokerUrls.nats });
      const jsm = await jetstreamManager(nc);
      for (const stream of streams.splice(0)) await jsm.streams.delete(stream).catch(() => undefined);
      await nc.close();
    },
  };
}
