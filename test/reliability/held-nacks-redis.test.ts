import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Controller, Module, type INestMicroservice, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AckPolicy, NackMessage } from '../../lib/core';
import { AckModule } from '../../lib/module';
import { RedisAckServer, RedisFields, type RedisAckContext, type RedisAckServerOptions } from '../../lib/redis';
import { nackDelaysKey } from '../../lib/redis/redis-delayed-nacks';
import { uniqueName } from '../support/names';
import { closeRedisAdmin, deleteKeys, pendingEntries, redisAdmin, REDIS_URL } from '../support/redis-broker';
import { waitFor } from '../support/wait-for';

const MIN_IDLE_MS = 1000;

/** A module whose handler nacks every first delivery for `delayMs` and records each delivery (count, time). */
function nackingModule(stream: string, delayMs: number, seen: { id: number; count: number; at: number }[]): Type<unknown> {
  @Controller()
  class NackingController {
    @AckPolicy(AckPolicy.NACK_ON_ERROR, { retry: { maxDeliveries: 10 } })
    @EventPattern(stream)
    handle(@Payload() item: { id: number }, @Ctx() context: RedisAckContext) {
      seen.push({ id: item.id, count: context.getDeliveryCount(), at: Date.now() });
      if (context.getDeliveryCount() === 1) throw new NackMessage({ delayMs });
    }
  }
  @Module({ imports: [AckModule.forRoot()], controllers: [NackingController] })
  class NackingModule {}
  return NackingModule;
}

async function startApp(module: Type<unknown>, options: RedisAckServerOptions): Promise<{ app: INestMicroservice; server: RedisAckServer }> {
  const server = new RedisAckServer({ connection: REDIS_URL, blockMs: 500, minIdleMs: MIN_IDLE_MS, ...options });
  const app = await NestFactory.createMicroservice(module, { strategy: server, logger: false });
  await app.listen();
  return { app, server };
}

/** Pending entries per consumer (`XPENDING <stream> <group>` summary). */
async function pendingByConsumer(stream: string, group: string): Promise<Record<string, number>> {
  const [, , , consumers] = (await redisAdmin().call('XPENDING', stream, group)) as [number, unknown, unknown, [string, string][] | null];
  return Object.fromEntries((consumers ?? []).map(([name, n]) => [name, Number(n)]));
}

describe('Redis Streams: long-delayed nacks use bounded process memory (issue 26 item 9)', () => {
  const keys: string[] = [];
  const apps: INestMicroservice[] = [];
  after(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await deleteKeys(keys);
    await closeRedisAdmin();
  });

  it('2,000 nacks of 10 minutes with maxHeldNacks 100: 100 held in process, Redis holds the rest; no entry comes back early, none lost, counts stay 1', { timeout: 120_000 }, async () => {
    const STREAM = uniqueName('held-nacks');
    const group = uniqueName('group');
    const delays = nackDelaysKey(STREAM, group);
    keys.push(STREAM, `${STREAM}:dlq`, delays);
    const seenA: { id: number; count: number; at: number }[] = [];
    const seenB: { id: number; count: number; at: number }[] = [];
    // A never reclaims (so who re-holds what is deterministic): it nacks, then holds what its cap allows.
    const a = await startApp(nackingModule(STREAM, 600_000, seenA), { group, consumer: 'a', concurrency: 50, claimIntervalMs: 3_600_000, maxHeldNacks: 100 });
    apps.push(a.app);
    const pipeline = redisAdmin().pipeline();
    for (let id = 0; id < 2000; id++) pipeline.xadd(STREAM, '*', RedisFields.BODY, JSON.stringify({ pattern: STREAM, data: { id } }));
    await pipeline.exec();
    await waitFor(async () => seenA.length === 2000 && (await redisAdmin().zcard(delays)) === 2000, { timeoutMs: 60_000, message: 'every entry delivered once and nacked' });

    assert.equal(a.server.heldNacks, 100, 'process memory holds maxHeldNacks waits');
    const health = await a.server.probeHealth();
    assert.equal(health.details?.heldNacks, 100, 'the health detail');
    assert.deepEqual(await pendingByConsumer(STREAM, group), { a: 2000 }, 'every entry pending (none acked, none lost)');

    // B reclaims: the 1,900 waits Redis holds become claimable after minIdleMs and go back pending with B, undelivered.
    const b = await startApp(nackingModule(STREAM, 600_000, seenB), { group, consumer: 'b', claimIntervalMs: 50, maxHeldNacks: 100 });
    apps.push(b.app);
    await waitFor(async () => (await pendingByConsumer(STREAM, group)).b === 1900, { timeoutMs: 30_000, message: 'B re-held the 1,900 waits Redis holds' });
    assert.deepEqual(await pendingByConsumer(STREAM, group), { a: 100, b: 1900 }, 'A keeps its 100 young');

    // A closes: its 100 become claimable at once, and B finds their due times in Redis too.
    await a.app.close();
    await waitFor(async () => (await pendingByConsumer(STREAM, group)).b === 2000, { timeoutMs: 30_000, message: 'B holds every wait' });

    assert.equal(seenB.length, 0, 'no entry came back before its 10 minutes');
    assert.equal(seenA.length, 2000);
    assert.equal(b.server.heldNacks, 0, 'B holds none in memory: it never nacked');
    const pending = await pendingEntries(STREAM, b.server.brokerSettings.group, 5000);
    assert.equal(pending.length, 2000, 'XPENDING: all 2,000 still pending');
    assert.ok(pending.every((entry) => entry.timesDelivered === 1), 'times-delivered stays 1: holding a wait is not a delivery');
    assert.equal(await redisAdmin().xlen(STREAM), 2000);
    assert.equal(await redisAdmin().zcard(delays), 2000, 'every due time kept');
    const pttl = await redisAdmin().pttl(delays);
    assert.ok(pttl > 590_000 && pttl <= 601_000, `the due-time set expires after its last due time plus minIdleMs (${pttl} ms)`);
  });

  it('maxHeldNacks 0: a wait longer than minIdleMs held by Redis alone comes back after its delay, not before, counted once', { timeout: 60_000 }, async () => {
    const STREAM = uniqueName('held-nacks-redis');
    const group = uniqueName('group');
    keys.push(STREAM, `${STREAM}:dlq`, nackDelaysKey(STREAM, group));
    const DELAY_MS = 2500;
    const CLAIM_INTERVAL_MS = 50;
    const seen: { id: number; count: number; at: number }[] = [];
    const { server, app } = await startApp(nackingModule(STREAM, DELAY_MS, seen), { group, claimIntervalMs: CLAIM_INTERVAL_MS, maxHeldNacks: 0 });
    apps.push(app);
    await redisAdmin().xadd(STREAM, '*', RedisFields.BODY, JSON.stringify({ pattern: STREAM, data: { id: 1 } }));
    await waitFor(() => seen.length === 1, { message: 'the first delivery' });
    await waitFor(async () => (await redisAdmin().zcard(nackDelaysKey(STREAM, group))) === 1, { message: 'its due time recorded' });
    assert.equal(server.heldNacks, 0, 'nothing held in process');
    await waitFor(() => seen.length === 2, { timeoutMs: 20_000, message: 'the redelivery' });
    const afterMs = seen[1].at - seen[0].at;
    process.stdout.write(`# a ${DELAY_MS} ms wait held by Redis: redelivered after ${afterMs} ms\n`);
    assert.ok(afterMs >= DELAY_MS, `not before its delay: ${afterMs} ms`);
    // Claimed at 1 s (not due: back pending with idle 500 ms), then claimable exactly when due: one claim interval
    // late at most, plus a loaded machine's slack (as delayed-nack-redis.test.ts).
    assert.ok(afterMs <= DELAY_MS + CLAIM_INTERVAL_MS + 450, `within a claim interval after its delay: ${afterMs} ms`);
    assert.deepEqual(seen.map((s) => s.count), [1, 2], 'the delivery count: the early claim did not count');
    await waitFor(async () => (await pendingEntries(STREAM, group)).length === 0, { message: 'acked' });
    assert.equal(await redisAdmin().zcard(nackDelaysKey(STREAM, group)), 0, 'the due time removed at the delivery');
  });
});
