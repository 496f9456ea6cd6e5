import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { AckModule } from '../../lib/module';
import type { PostgresAckContext } from '../../lib/postgres';
import { endTestPool } from '../support/postgres-broker';
import { postgresConformanceAdapter } from '../conformance/adapters/postgres';
import { waitFor } from '../support/wait-for';
import type { ConformanceTarget } from '../conformance/adapter';

const deliveries: number[] = [];
const PATTERN = 'dlq.item';

@Controller()
class FailingController {
  @EventPattern(PATTERN)
  handle(@Ctx() context: PostgresAckContext) {
    deliveries.push(context.getDeliveryCount());
    throw new Error('always fails');
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [FailingController] })
class FailingModule {}

describe('PostgreSQL dead-letter write refused, consumers and close during start (adapter members)', () => {
  const adapter = postgresConformanceAdapter();
  const targets: ConformanceTarget[] = [];
  after(async () => {
    for (const target of targets) await target.close();
    await endTestPool();
  });

  it('a refused FAILED update leaves the row unsettled and retried until the table takes it', { timeout: 60_000 }, async () => {
    const target = await adapter.start({ module: FailingModule, patterns: [PATTERN], serverOptions: { retry: { backoff: { type: 'fixed', initialDelayMs: 100, jitter: 0 } } } });
    targets.push(target);
    assert.equal(await target.consumers!(PATTERN), 1, 'one LISTEN connection while running');
    await target.blockDeadLetters!(PATTERN, true);
    await target.emit(PATTERN, {});
    await waitFor(() => deliveries.length >= 3, { timeoutMs: 20_000, message: 'redelivered after refused dead-letter writes' });
    assert.equal(await target.outstanding(PATTERN), 1, 'the row is still unsettled');
    assert.deepEqual(await target.deadLetters(PATTERN), []);
    assert.ok(target.server.deadLetterFailures >= 1, 'the core counts the refusing target');
    await target.blockDeadLetters!(PATTERN, false);
    const [entry] = (await waitFor(async () => {
      const entries = await target.deadLetters(PATTERN);
      return entries.length > 0 ? entries : undefined;
    }, { timeoutMs: 20_000, message: 'the dead letter once the table takes it' }))!;
    assert.equal(await target.outstanding(PATTERN), 0);
    assert.equal(entry.reason, 'handler-error');
    assert.equal(entry.deliveryCount, deliveries.at(-1));
    assert.deepEqual(deliveries, deliveries.map((_, i) => i + 1), 'counted 1, 2, 3...');
    await target.app.close();
    await waitFor(async () => (await target.consumers!(PATTERN)) === 0, { message: 'no LISTEN connection after close' });
  });

  for (const afterMs of [0, 10, 50, 200]) {
    it(`close ${afterMs} ms into the start leaves nothing open`, { timeout: 30_000 }, async () => {
      const target = await adapter.start({ module: FailingModule, patterns: [PATTERN], serverOptions: {}, listen: false });
      targets.push(target);
      const listening = target.app.listen().then(() => 'started', (error: Error) => error.name);
      await new Promise((resolve) => setTimeout(resolve, afterMs));
      await target.app.close();
      const outcome = await listening;
      assert.ok(['started', 'ClosedDuringStartError'].includes(outcome), `listen() ${outcome}`);
      await waitFor(async () => (await target.consumers!(PATTERN)) === 0, { message: 'no LISTEN connection after close' });
      assert.equal(target.server.unwrap(), undefined, 'the pool is gone');
    });
  }
});
