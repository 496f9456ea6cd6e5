import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { firstValueFrom } from 'rxjs';
import { RedisAckClient } from '../../lib/redis';
import { uniqueName } from '../support/names';
import { closeRedisAdmin, deleteKeys, outstandingIn, pendingEntries, redisAdmin, REDIS_URL } from '../support/redis-broker';
import { startRedisWorker, type RedisWorker } from '../support/redis-workers';
import { waitFor } from '../support/wait-for';

const MIN_IDLE_MS = 1000;
const CONCURRENCY = 10; // the workers' in-flight window

describe('Redis Streams: two consumers share a group', () => {
  const workers: RedisWorker[] = [];
  const client = new RedisAckClient({ connection: REDIS_URL });
  const streams: string[] = [];
  after(async () => {
    for (const worker of workers) worker.process.kill('SIGKILL');
    await client.close();
    await deleteKeys(streams.flatMap((s) => [s, `${s}:dlq`]));
    await closeRedisAdmin();
  });

  function start(stream: string, group: string, name: string, hangAfter?: number): RedisWorker {
    const worker = startRedisWorker(stream, group, name, MIN_IDLE_MS, hangAfter);
    workers.push(worker);
    return worker;
  }

  it('one killed with SIGKILL while holding pending entries: the other reclaims and processes all of them, none lost', { timeout: 120_000 }, async () => {
    const stream = uniqueName('redis-kill');
    const group = uniqueName('group');
    streams.push(stream);
    // After 30 finished handlers, the doomed worker's handlers hang: it is killed holding its window,
    // however fast or slow the machine is (timing alone let both workers drain everything on a loaded CI).
    const doomed = start(stream, group, 'doomed', 30);
    const survivor = start(stream, group, 'survivor');
    await Promise.all([doomed.ready, survivor.ready]);
    const TOTAL = 300;
    await Promise.all(Array.from({ length: TOTAL }, (_, i) => firstValueFrom(client.emit(stream, { id: i + 1, ms: 40 }), { defaultValue: undefined })));
    await waitFor(() => doomed.processed.length >= 30 && doomed.started.length > doomed.processed.length, {
      timeoutMs: 30_000,
      message: 'the doomed worker processed 30 and has handlers running',
    });
    doomed.process.kill('SIGKILL');
    await doomed.exited;
    const orphaned = (await pendingEntries(stream, group)).filter((entry) => entry.consumer === 'doomed');
    assert.ok(orphaned.length > 0, 'the killed consumer left pending entries behind');
    assert.ok(orphaned.length <= CONCURRENCY, `it held at most its window (${orphaned.length})`);

    const all = () => new Set([...doomed.processed, ...survivor.processed]);
    await waitFor(() => all().size === TOTAL, { timeoutMs: 60_000, message: `all ${TOTAL} ids processed (have ${all().size})` });
    await waitFor(async () => (await outstandingIn(stream, group)) === 0, { timeoutMs: 10_000, message: 'nothing pending or unread' });

    for (const entry of orphaned) {
      const [[, fields]] = (await redisAdmin().call('XRANGE', stream, entry.id, entry.id)) as [string, string[]][];
      const { id } = JSON.parse(fields[fields.indexOf('body') + 1]).data as { id: number };
      assert.ok(survivor.processed.includes(id), `the survivor processed orphaned item ${id}`);
    }
    const duplicates = doomed.processed.length + survivor.processed.length - TOTAL;
    assert.ok(duplicates <= CONCURRENCY, `duplicates ${duplicates} within the in-flight window ${CONCURRENCY}`);
    assert.deepEqual(await pendingEntries(stream, group), [], 'XPENDING is empty');
  });

  it(`a handler running 3x minIdleMs is not reclaimed by the other consumer`, { timeout: 60_000 }, async () => {
    const stream = uniqueName('redis-lease');
    const group = uniqueName('group');
    streams.push(stream);
    const busy = start(stream, group, 'busy');
    await busy.ready;
    const idle = start(stream, group, 'idle');
    await idle.ready;
    await firstValueFrom(client.emit(stream, { id: 1, ms: 3 * MIN_IDLE_MS }), { defaultValue: undefined });
    const holder = (await waitFor(() => (busy.started.includes(1) ? busy : idle.started.includes(1) ? idle : undefined), { message: 'a consumer started the long handler' }))!;
    const other = holder === busy ? idle : busy;
    // While it runs (3 s), the other consumer claims every 50 ms whatever is idle for 1 s.
    const samples: { consumer: string; timesDelivered: number; idleMs: number }[] = [];
    while (!holder.processed.includes(1)) {
      const [entry] = await pendingEntries(stream, group);
      if (entry) samples.push(entry);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await waitFor(async () => (await outstandingIn(stream, group)) === 0, { message: 'acked after it finished' });
    assert.ok(samples.length >= 20, `sampled the pending entry while the handler ran (${samples.length})`);
    assert.ok(samples.every((s) => s.consumer === holder.name && s.timesDelivered === 1), `never claimed by the other consumer: ${JSON.stringify(samples.filter((s) => s.consumer !== holder.name || s.timesDelivered !== 1))}`);
    assert.ok(Math.max(...samples.map((s) => s.idleMs)) < MIN_IDLE_MS, 'its idle time stayed below minIdleMs');
    assert.deepEqual(other.started, [], 'the other consumer never ran it');
    assert.deepEqual(holder.started, [1], 'it ran once');
  });
});
