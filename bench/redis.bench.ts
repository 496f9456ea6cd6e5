import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { RedisAckServer } from '../lib/redis';
import { brokerUrls } from '../test/support/broker-urls';
import { uniqueName } from '../test/support/names';
import { after, benchModule, type BrokerBench, type Contender } from './measure';

const WINDOW = 50;

function connect(): Redis {
  return new Redis(brokerUrls.redis, { protocol: 2 });
}

const ours = (ackModule: boolean): Contender => ({
  role: ackModule ? 'ours+module' : 'ours',
  label: ackModule ? 'RedisAckServer + AckModule' : 'RedisAckServer',
  async start(stream, work, tick) {
    const server = new RedisAckServer({ connection: brokerUrls.redis, group: uniqueName('bench'), concurrency: WINDOW, deadLetter: false });
    server.on('settled', tick);
    // The handler's pattern is the stream it reads.
    const app = await NestFactory.createMicroservice(benchModule(stream, work, { ackPolicy: true, ackModule }), { strategy: server, logger: ['error'] });
    await app.listen();
    return () => app.close();
  },
});

/** Redis Streams: ioredis XREADGROUP + XACK by hand (batches of 50), `RedisAckServer` without and with `AckModule` (Nest has no Redis Streams transport). */
export function redisBench(): BrokerBench {
  const streams: string[] = [];
  return {
    id: 'redis',
    title: `Redis Streams, window ${WINDOW}`,
    concurrency: WINDOW,
    contenders: [
      {
        role: 'raw',
        label: 'ioredis XREADGROUP + XACK',
        async start(stream, work, tick) {
          const group = uniqueName('bench-raw');
          const redis = connect();
          await redis.call('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM');
          let running = true;
          const loop = (async () => {
            while (running) {
              const reply = (await redis.call('XREADGROUP', 'GROUP', group, 'raw', 'COUNT', WINDOW, 'BLOCK', 100, 'STREAMS', stream, '>')) as [string, [string, string[]][]][] | null;
              const entries = reply?.[0]?.[1] ?? [];
              await Promise.all(
                entries.map(async ([id, fields]) => {
                  const packet = JSON.parse(fields[fields.indexOf('body') + 1]);
                  await after(work(packet.data), () => undefined);
                  await redis.xack(stream, group, id);
                  tick();
                }),
              );
            }
          })();
          return async () => {
            running = false;
            await loop;
            redis.disconnect();
          };
        },
      },
      ours(false),
      ours(true),
    ],
    async fill(messages) {
      const stream = uniqueName('bench-redis');
      streams.push(stream);
      const redis = connect();
      if (messages === 0) await redis.call('XGROUP', 'CREATE', stream, 'init', '0', 'MKSTREAM');
      for (let start = 0; start < messages; start += 500) {
        const pipeline = redis.pipeline();
        for (let i = start; i < Math.min(messages, start + 500); i++) pipeline.xadd(stream, '*', 'body', JSON.stringify({ pattern: stream, data: { i } }));
        await pipeline.exec();
      }
      redis.disconnect();
      return stream;
    },
    async publisher(stream) {
      const redis = connect();
      return {
        publish: async (data) => void (await redis.xadd(stream, '*', 'body', JSON.stringify({ pattern: stream, data }))),
        close: async () => redis.disconnect(),
      };
    },
    async version() {
      const redis = connect();
      const info = await redis.info('server');
      redis.disconnect();
      return `Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown'}`;
    },
    async cleanup() {
      const redis = connect();
      for (const stream of streams.splice(0)) await redis.del(stream);
      redis.disconnect();
    },
  };
}
