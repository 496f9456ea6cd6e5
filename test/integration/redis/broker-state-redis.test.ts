import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { HandledEvent } from '../../../lib/core';
import type { RedisAckServer } from '../../../lib/redis';
import { uniqueName } from '../../support/names';
import { closeRedisAdmin, consumersOf, deadLettersIn, groupInfo, pendingEntries } from '../../support/redis-broker';
import { redisConformanceAdapter } from '../../conformance/adapters/redis';
import { waitFor, waitForEqual } from '../../support/wait-for';
import type { ConformanceTarget } from '../../conformance/adapter';
import { buildModule, type CellSpec } from '../../conformance/cells';
import { probeFor } from '../../conformance/probe';

// The shared suite runs on Redis from test/conformance/transports.conformance.test.ts; these are the
// Redis facts behind it. One stream per pattern, a fresh consumer group per test, dead letters to `<stream>:dlq`.

const FAST_RETRY = { maxDeliveries: 3, backoff: { type: 'fixed' as const, initialDelayMs: 20, jitter: 0 } };

/** The Redis facts behind the contract: XPENDING, XINFO GROUPS / CONSUMERS and the dead-letter stream, read from Redis. */
describe('ack contract on redis streams: broker state', () => {
  const adapter = redisConformanceAdapter();
  after(() => closeRedisAdmin());

  async function withCell(cell: CellSpec, body: (target: ConformanceTarget, server: RedisAckServer) => Promise<void>, retry = FAST_RETRY): Promise<void> {
    const target = await adapter.start({ module: buildModule([cell]), patterns: [cell.pattern], serverOptions: { retry } });
    target.server.on('handled', (event: HandledEvent) => probeFor(event.pattern).handled.push(event));
    try {
      await body(target, target.server as RedisAckServer);
    } finally {
      await target.close();
    }
  }

  it('a nacked entry stays pending with its consumer; XPENDING times-delivered is the delivery count', { timeout: 30_000 }, async () => {
    // Nacked on deliveries 1 and 2, then completes under MANUAL without settling: pending, delivered 3 times.
    const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'MANUAL', failUntilDelivery: 3, nackDelayMs: 30 };
    await withCell(cell, async (target, server) => {
      await target.emit(cell.pattern, { n: 42 });
      await waitFor(() => probeFor(cell.pattern).handled.length === 3, { message: 'three deliveries' });
      assert.deepEqual(probeFor(cell.pattern).handled.map((e) => e.deliveryCount), [1, 2, 3]);
      const pending = await pendingEntries(cell.pattern, server.brokerSettings.group);
      assert.equal(pending.length, 1, 'XPENDING count');
      assert.equal(pending[0].timesDelivered, 3, 'XPENDING times-delivered');
      assert.equal(pending[0].consumer, server.brokerSettings.consumer);
      const info = await groupInfo(cell.pattern, server.brokerSettings.group);
      assert.equal(Number(info?.pending), 1, 'XINFO GROUPS pending');
      assert.equal(Number(info?.['entries-read']), 1, 'XINFO GROUPS entries-read: read once, redelivered by reclaims');
      assert.equal(await target.consumers!(cell.pattern), 1, 'one consumer in the group');
      assert.equal(await probeFor(cell.pattern).lastContext.ack(), true);
      await waitForEqual(async () => (await pendingEntries(cell.pattern, server.brokerSettings.group)).length, 0, { message: 'XPENDING after the ack' });
    });
  });

  it('a dead letter is XADDed to <stream>:dlq with the original fields and x-dead-letter-* fields, and the source XACKed', { timeout: 30_000 }, async () => {
    const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'throws Error', methodPolicy: 'NACK_ON_ERROR' };
    await withCell(cell, async (target, server) => {
      await target.emit(cell.pattern, { n: 42 });
      const [entry] = (await waitFor(async () => {
        const entries = await deadLettersIn(`${cell.pattern}:dlq`);
        return entries.length > 0 ? entries : undefined;
      }, { message: 'the dead letter' }))!;
      const text = (name: string) => entry.fields.get(name)?.toString('utf8');
      assert.deepEqual(JSON.parse(text('body')!), { pattern: cell.pattern, data: { n: 42 } }, 'the original body field');
      assert.equal(text('x-dead-letter-reason'), 'max-deliveries');
      assert.equal(text('x-dead-letter-delivery-count'), '3');
      assert.equal(text('x-dead-letter-error-message'), 'handler failed on purpose');
      const source = JSON.parse(text('x-dead-letter-source')!);
      assert.equal(source.stream, cell.pattern);
      assert.equal(source.group, server.brokerSettings.group);
      assert.deepEqual(await pendingEntries(cell.pattern, server.brokerSettings.group), [], 'XPENDING is empty');
      const info = await groupInfo(cell.pattern, server.brokerSettings.group);
      assert.equal(Number(info?.pending), 0);
      assert.equal(info?.['last-delivered-id'], source.id, 'XINFO GROUPS last-delivered-id is the dead-lettered entry');
    });
  });

  it('a refused dead-letter XADD leaves the source pending (nothing acked); once accepted again, exactly one dead letter', { timeout: 30_000 }, async () => {
    const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'throws Error', methodPolicy: 'REJECT_ON_ERROR' };
    await withCell(cell, async (target, server) => {
      const refusals: Error[] = [];
      server.on('error', (error: Error) => refusals.push(error));
      await target.blockDeadLetters!(cell.pattern, true);
      await target.emit(cell.pattern, { n: 42 });
      await waitFor(() => refusals.filter((e) => e.name === 'DeadLetterRefusedError').length >= 2, { message: 'the dead-letter target refused twice' });
      assert.equal((await pendingEntries(cell.pattern, server.brokerSettings.group)).length, 1, 'the source stays pending');
      assert.ok(server.deadLetterFailures >= 1);
      await target.blockDeadLetters!(cell.pattern, false);
      await waitForEqual(async () => (await target.deadLetters(cell.pattern)).length, 1, { message: 'one dead letter' });
      await waitForEqual(() => target.outstanding(cell.pattern), 0, { message: 'outstanding' });
      assert.equal((await target.deadLetters(cell.pattern))[0].reason, 'handler-error');
    });
  });

  it('a closed server leaves the group: no consumer remains when it held nothing pending', { timeout: 30_000 }, async () => {
    const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' };
    await withCell(cell, async (target, server) => {
      await target.emit(cell.pattern, { n: 42 });
      await waitForEqual(() => target.outstanding(cell.pattern), 0);
      assert.deepEqual((await consumersOf(cell.pattern, server.brokerSettings.group)).map((c) => c.name), [server.brokerSettings.consumer]);
      await target.app.close();
      assert.equal(await target.consumers!(cell.pattern), 0);
      assert.ok(await groupInfo(cell.pattern, server.brokerSettings.group), 'the group itself stays');
    });
  });
});
