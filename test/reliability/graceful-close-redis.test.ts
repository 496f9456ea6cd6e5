import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { firstValueFrom } from 'rxjs';
import { RedisAckClient } from '../../lib/redis';
import { uniqueName } from '../support/names';
import { closeRedisAdmin, consumersOf, deleteKeys, outstandingIn, pendingEntries, REDIS_URL } from '../support/redis-broker';
import { startRedisWorker, type RedisWorker } from '../support/redis-workers';
import { waitFor } from '../support/wait-for';

describe('Redis Streams: graceful close (SIGTERM) mid-stream', () => {
  const stream = uniqueName('redis-sigterm');
  const group = uniqueName('group');
  const client = new RedisAckClient({ connection: REDIS_URL });
  const workers: RedisWorker[] = [];
  after(async () => {
    for (const worker of workers) worker.process.kill('SIGKILL');
    await client.close();
    await deleteKeys([stream, `${stream}:dlq`]);
    await closeRedisAdmin();
  });

  it('in-flight handlers finish and are acked, nothing is left pending, the next consumer processes the rest: no loss, no duplicate', { timeout: 60_000 }, async () => {
    const first = startRedisWorker(stream, group, 'first', 30_000);
    workers.push(first);
    await first.ready;
    const TOTAL = 200;
    for (let id = 1; id <= TOTAL; id++) await firstValueFrom(client.emit(stream, { id, ms: 50 }), { defaultValue: undefined });
    await waitFor(() => first.processed.length >= 20, { timeoutMs: 20_000, message: '20 processed' });
    first.process.kill('SIGTERM');
    await first.exited;
    assert.equal(first.process.exitCode, 0, 'closed cleanly');
    assert.deepEqual(first.started.filter((id) => !first.processed.includes(id)), [], 'every handler it started finished');
    // Entries of a read that was on the wire at the close are handed back at once (claimable, delivery not counted);
    // nothing else stays pending (a minIdle of 30 s would hide a leftover from the next consumer).
    const left = await pendingEntries(stream, group);
    assert.ok(left.every((entry) => entry.idleMs >= 30_000 && entry.timesDelivered === 0), `only returned entries stay pending: ${JSON.stringify(left)}`);
    if (left.length === 0) assert.deepEqual(await consumersOf(stream, group), [], 'it left the group');
    assert.equal(await outstandingIn(stream, group), TOTAL - first.processed.length, 'the rest waits unread');

    const second = startRedisWorker(stream, group, 'second', 30_000);
    workers.push(second);
    await second.ready;
    await waitFor(() => first.processed.length + second.processed.length >= TOTAL, { timeoutMs: 30_000, message: 'everything processed' });
    await waitFor(async () => (await outstandingIn(stream, group)) === 0, { message: 'all acked' });
    const all = [...first.processed, ...second.processed].sort((a, b) => a - b);
    assert.deepEqual(all, Array.from({ length: TOTAL }, (_, i) => i + 1), 'each id exactly once');
  });
});
