import { NestFactory } from '@nestjs/core';
import { firstValueFrom } from 'rxjs';
import { RedisAckClient, RedisAckServer, RedisFields, type RedisAckServerOptions } from '../../../lib/redis';
import { nackDelaysKey } from '../../../lib/redis/redis-delayed-nacks';
import type { ConformanceAdapter, ConformanceSetup, ConformanceTarget, DeadLetterView } from '../adapter';
import { uniqueName } from '../../support/names';
import { testLogLevels } from './rabbitmq';
import { closeRedisAdmin, consumersOf, deadLettersIn, deleteKeys, outstandingIn, redisAdmin, REDIS_URL } from '../../support/redis-broker';

/** Server settings that keep per-test start, redelivery and close fast. */
export const FAST_REDIS: Partial<RedisAckServerOptions> = {
  blockMs: 500,
  // Well above any stall of a loaded CI machine: a delivery idle this long is taken over by XAUTOCLAIM
  // (a legitimate at-least-once redelivery, but one the suite's exact delivery counts would count).
  minIdleMs: 15_000,
  claimIntervalMs: 20,
  reconnect: { initialDelayMs: 50, maxDelayMs: 500 },
};

/**
 * Runs the conformance suite on Redis Streams: one stream per pattern (the
 * pattern is the stream name), a fresh group per start; `outstanding` is the
 * group's pending count plus its lag (`XINFO GROUPS`), dead letters are the
 * entries of `<pattern>:dlq` (`XRANGE`). Streams are deleted at close.
 */
export function redisConformanceAdapter(): ConformanceAdapter {
  return {
    name: 'redis streams',
    canBlockDeadLetters: true,
    // The stream an entry is read from is its pattern.
    addressIsPattern: true,
    // Keys a forged replyTo could aim at: a stream (once the server's own, its dead letters), the bare
    // client prefix, a prefixed key of the wrong shape.
    forgedReplyAddresses: (pattern) => [pattern, `${pattern}:dlq`, 'nestjs-ack:reply:', 'nestjs-ack:reply:has space'],
    async start(setup: ConformanceSetup): Promise<ConformanceTarget> {
      const group = uniqueName('conformance');
      const server = new RedisAckServer({ ...setup.serverOptions, ...FAST_REDIS, connection: REDIS_URL, group, streams: setup.patterns });
      const app = await NestFactory.createMicroservice(setup.module, { strategy: server, logger: testLogLevels });
      const client = new RedisAckClient({ connection: REDIS_URL });
      const dlqOf = (pattern: string) => `${pattern}:dlq`;
      const keys = [...setup.patterns, ...setup.patterns.map(dlqOf), ...setup.patterns.map((p) => `${dlqOf(p)}.held`), ...setup.patterns.map((p) => nackDelaysKey(p, group))];
      try {
        if (setup.listen !== false) await app.listen();
        await client.connect();
      } catch (error) {
        await app.close().catch(() => undefined);
        await client.close().catch(() => undefined);
        await deleteKeys(keys).catch(() => undefined);
        throw error;
      }
      let closed = false;
      return {
        app,
        server,
        emit: (pattern, data) => firstValueFrom(client.emit(pattern, data), { defaultValue: undefined }),
        send: (pattern, data) => firstValueFrom(client.send(pattern, data)),
        async publishRaw(pattern, body) {
          await redisAdmin().call('XADD', pattern, '*', 'body', body);
        },
        // The entry fields RedisAckClient writes, with whatever values a producer chooses.
        async publishForged(pattern, body, forged) {
          const fields: (string | Buffer)[] = [RedisFields.BODY, body];
          if (forged.headers) fields.push(RedisFields.HEADERS, JSON.stringify(forged.headers));
          if (forged.replyTo !== undefined) fields.push(RedisFields.REPLY_TO, forged.replyTo);
          if (forged.correlationId !== undefined) fields.push(RedisFields.CORRELATION_ID, forged.correlationId);
          await redisAdmin().call('XADD', pattern, '*', ...fields);
        },
        outstanding: (pattern) => outstandingIn(pattern, group),
        async deadLetters(pattern): Promise<DeadLetterView[]> {
          return (await deadLettersIn(dlqOf(pattern))).map((entry) => entry.view);
        },
        async consumers(pattern) {
          return (await consumersOf(pattern, group)).length;
        },
        // A string at the dead-letter key: XADD fails with WRONGTYPE until it is deleted (earlier entries wait aside).
        async blockDeadLetters(pattern, blocked) {
          const redis = redisAdmin();
          const dlq = dlqOf(pattern);
          if (blocked) {
            if ((await redis.exists(dlq)) === 1) await redis.rename(dlq, `${dlq}.held`);
            await redis.set(dlq, 'blocked by the conformance suite');
          } else {
            await redis.del(dlq);
            if ((await redis.exists(`${dlq}.held`)) === 1) await redis.rename(`${dlq}.held`, dlq);
          }
        },
        async close() {
          if (closed) return;
          closed = true;
          try {
            await app.close();
          } finally {
            await client.close().catch(() => undefined);
            await deleteKeys(keys);
          }
        },
      };
    },
    dispose: () => closeRedisAdmin(),
  };
}
