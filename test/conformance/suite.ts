import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ACK_POLICY_NAMES, AckPolicy, type AckServerOptions, type HandledEvent } from '../../lib/core';
import { uniqueName } from '../support/names';
import { waitFor, waitForEqual } from '../support/wait-for';
import type { ConformanceAdapter } from './adapter';
import { BEHAVIORS, buildModule, type Behavior, type CellSpec } from './cells';
import { expectCell, type FinalState } from './expectations';
import { assertFinal, DATA, FAST_RETRY, handledCounts, range, sendAndCollect, TEST_TIMEOUT, withTarget } from './harness';
import { probeFor } from './probe';
import { runLifecycleTests } from './suite-lifecycle';
import { runClassificationTests } from './suite-classification';
import { runRobustnessTests } from './suite-robustness';
import { runTrustTests } from './suite-trust';

async function runMatrixCell(adapter: ConformanceAdapter, kind: 'event' | 'message', policy: AckPolicy, behavior: Behavior): Promise<void> {
  const cell: CellSpec = { pattern: uniqueName('ack'), kind, behavior, methodPolicy: policy, filter: 'global' };
  const expected = expectCell(policy, behavior);
  await withTarget(adapter, [cell], { retry: FAST_RETRY }, async ({ target, probe }) => {
    const replyPromise = await sendAndCollect(target, cell);
    const seen = probe(cell.pattern);
    await waitFor(() => seen.handled.length >= expected.deliveries, { message: `${expected.deliveries} handled deliveries` });
    if (replyPromise) {
      const reply = await replyPromise;
      if (expected.reply === 'value') assert.deepEqual(reply, { value: 'ok:42' });
      else assert.ok(reply.error !== undefined && reply.value === undefined, `an error reply, got ${JSON.stringify(reply)}`);
    }
    if (expected.lateSettleResult !== undefined) {
      assert.equal(await seen.lastContext.reject({ reason: 'late' }), expected.lateSettleResult, 'reject() after the handler returned');
    }
    await assertFinal(target, cell.pattern, expected.final, expected.deliveries);
    assert.deepEqual(handledCounts(seen), range(expected.deliveries), 'delivery counts seen by the server');
    assert.deepEqual(seen.manualResults, expected.manualResults, 'results of the handler\'s own ack() calls');
    if (expected.final.state === 'unsettled' && seen.contexts.length > 0) {
      // Still the handler's to settle: a later ack is the first decision.
      assert.equal(await seen.lastContext.ack(), true);
      await waitForEqual(() => target.outstanding(cell.pattern), 0);
    }
  });
}

/** One failing event handler under the policy that resolution picks; asserts where its message ends. */
async function expectResolved(adapter: ConformanceAdapter, cell: Partial<CellSpec>, serverOptions: AckServerOptions, final: FinalState): Promise<void> {
  const full: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'throws Error', filter: 'global', ...cell };
  await withTarget(adapter, [full], { retry: FAST_RETRY, ...serverOptions }, async ({ target, probe }) => {
    await target.emit(full.pattern, DATA);
    await waitFor(() => probe(full.pattern).handled.length >= 1);
    await assertFinal(target, full.pattern, final, 1);
  });
}

/** Which part of the suite to run. */
export interface ConformanceSuiteOptions {
  /**
   * `'policy-matrix'`: only the policy x outcome matrix, for a variant of a
   * transport whose full suite already runs (e.g. another Kafka ordering).
   * @defaultValue 'all'
   */
  only?: 'all' | 'policy-matrix';
}

/** Proves the whole ack contract against one transport. */
export function runConformanceSuite(adapter: ConformanceAdapter, { only = 'all' }: ConformanceSuiteOptions = {}): void {
  describe(`ack contract on ${adapter.name}`, () => {
    after(() => adapter.dispose?.());

    const kinds = adapter.replies === false ? (['event'] as const) : (['event', 'message'] as const);
    for (const kind of kinds) {
      describe(`${kind === 'event' ? '@EventPattern' : '@MessagePattern'} policy x outcome`, () => {
        for (const policy of ACK_POLICY_NAMES) {
          for (const behavior of BEHAVIORS) {
            it(`${policy}: ${behavior}`, TEST_TIMEOUT, () => runMatrixCell(adapter, kind, policy, behavior));
          }
        }
      });
    }

    if (only === 'policy-matrix') return;

    describe('policy resolution', () => {
      const rejected: FinalState = { state: 'dead-lettered', reason: 'handler-error', errorMessageIncludes: 'handler failed on purpose' };
      it('the method policy wins over the controller policy', TEST_TIMEOUT, () =>
        expectResolved(adapter, { methodPolicy: 'ACK', controllerPolicy: 'REJECT_ON_ERROR' }, { defaultPolicy: 'MANUAL' }, { state: 'acked' }));
      it('the controller policy wins over the server defaultPolicy', TEST_TIMEOUT, () =>
        expectResolved(adapter, { controllerPolicy: 'REJECT_ON_ERROR' }, { defaultPolicy: 'ACK' }, rejected));
      it('the server defaultPolicy applies to undecorated handlers', TEST_TIMEOUT, () =>
        expectResolved(adapter, {}, { defaultPolicy: 'ACK' }, { state: 'acked' }));
      it('the library default is REJECT_ON_ERROR', TEST_TIMEOUT, () => expectResolved(adapter, {}, {}, rejected));
      it('DO_NOTHING is an alias of MANUAL: a failure leaves the message unsettled', TEST_TIMEOUT, () =>
        expectResolved(adapter, { methodPolicy: AckPolicy.DO_NOTHING }, { defaultPolicy: 'REJECT_ON_ERROR' }, { state: 'unsettled' }));
    });

    describe('retries', () => {
      it('NACK_ON_ERROR redelivers until maxDeliveries, then dead-letters with reason max-deliveries', TEST_TIMEOUT, async () => {
        const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'throws Error', methodPolicy: 'NACK_ON_ERROR' };
        await withTarget(adapter, [cell], { retry: { ...FAST_RETRY, maxDeliveries: 3 } }, async ({ target, probe }) => {
          await target.emit(cell.pattern, DATA);
          await waitFor(() => probe(cell.pattern).handled.length >= 3);
          await assertFinal(target, cell.pattern, { state: 'dead-lettered', reason: 'max-deliveries', errorMessageIncludes: 'handler failed on purpose' }, 3);
          assert.deepEqual(handledCounts(probe(cell.pattern)), [1, 2, 3]);
        });
      });
      it('a handler retry option overrides the server retry option', TEST_TIMEOUT, async () => {
        const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'throws Error', methodPolicy: 'NACK_ON_ERROR', retry: { maxDeliveries: 2 } };
        await withTarget(adapter, [cell], { retry: { ...FAST_RETRY, maxDeliveries: 4 } }, async ({ target, probe }) => {
          await target.emit(cell.pattern, DATA);
          await assertFinal(target, cell.pattern, { state: 'dead-lettered', reason: 'max-deliveries' }, 2);
          assert.deepEqual(handledCounts(probe(cell.pattern)), [1, 2]);
        });
      });
      it('a message that succeeds on redelivery is acked, not dead-lettered', TEST_TIMEOUT, async () => {
        const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'NACK_ON_ERROR', failUntilDelivery: 2 };
        await withTarget(adapter, [cell], { retry: { ...FAST_RETRY, maxDeliveries: 3 } }, async ({ target, probe }) => {
          await target.emit(cell.pattern, DATA);
          await waitFor(() => probe(cell.pattern).handled.length >= 2);
          await assertFinal(target, cell.pattern, { state: 'acked' }, 2);
          assert.deepEqual(handledCounts(probe(cell.pattern)), [1, 2]);
        });
      });
      it('a NackMessage delay wins over the backoff', TEST_TIMEOUT, async () => {
        const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'NACK_ON_ERROR', failUntilDelivery: 2, nackDelayMs: 50 };
        // A backoff of ten minutes: only the explicit 50 ms delay lets the redelivery happen within the test.
        await withTarget(adapter, [cell], { retry: { maxDeliveries: 3, backoff: { type: 'fixed', initialDelayMs: 600_000, maxDelayMs: 600_000, jitter: 0 } } }, async ({ target, probe }) => {
          await target.emit(cell.pattern, DATA);
          await waitFor(() => probe(cell.pattern).handled.length >= 2, { timeoutMs: 20_000 });
          await assertFinal(target, cell.pattern, { state: 'acked' }, 2);
        });
      });
    });

    describe('messages that can never succeed', () => {
      for (const policy of ACK_POLICY_NAMES) {
        it(`${policy}: an undecodable body is dead-lettered with reason deserialization, never handled`, TEST_TIMEOUT, async () => {
          const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'completes' };
          await withTarget(adapter, [cell], { defaultPolicy: policy, retry: FAST_RETRY }, async ({ target, probe }) => {
            await target.publishRaw(cell.pattern, Buffer.from('{"n":42, this is not json'));
            const entry = await assertFinal(target, cell.pattern, { state: 'dead-lettered', reason: 'deserialization' }, 1);
            assert.equal(entry!.body.toString('utf8'), '{"n":42, this is not json', 'the undecodable body travels byte for byte');
            assert.equal(probe(cell.pattern).contexts.length, 0, 'never handed to a handler');
          });
        });
        it(`${policy}: a message without a handler is dead-lettered with reason no-handler`, TEST_TIMEOUT, async () => {
          const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'completes' };
          const unknown = uniqueName('nohandler');
          await withTarget(adapter, [cell], { defaultPolicy: policy, retry: FAST_RETRY }, async ({ target }) => {
            await target.emit(unknown, DATA);
            await assertFinal(target, unknown, { state: 'dead-lettered', reason: 'no-handler', errorName: 'NoHandlerError' }, 1);
          }, [unknown]);
        });
      }
    });

    describe('exception filter set-up', () => {
      for (const filter of ['none', 'controller'] as const) {
        const label = filter === 'none' ? 'without AckModule (Nest\'s default filter erases the class)' : 'with @UseFilters(AckExceptionFilter) on the controller';
        it(`${label}: NackMessage in a service still nacks`, TEST_TIMEOUT, async () => {
          const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'throws NackMessage in a service', methodPolicy: 'MANUAL', filter };
          await withTarget(adapter, [cell], { retry: FAST_RETRY }, async ({ target, probe }) => {
            await target.emit(cell.pattern, DATA);
            await assertFinal(target, cell.pattern, { state: 'dead-lettered', reason: 'max-deliveries', errorName: 'NackMessage' }, 2);
            assert.deepEqual(handledCounts(probe(cell.pattern)), [1, 2]);
          });
        });
        // A transport without replies has no request handlers: its start refusal is tested instead.
        if (adapter.replies !== false) {
          it(`${label}: RejectMessage in a request handler dead-letters and sends an error reply`, TEST_TIMEOUT, async () => {
            const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'message', behavior: 'throws RejectMessage in a service', methodPolicy: 'ACK', filter };
            await withTarget(adapter, [cell], { retry: FAST_RETRY }, async ({ target }) => {
              await assert.rejects(target.send(cell.pattern, DATA));
              await assertFinal(target, cell.pattern, { state: 'dead-lettered', reason: 'service-reject', errorName: 'RejectMessage' }, 1);
            });
          });
        }
      }
    });

    runRobustnessTests(adapter);
    runClassificationTests(adapter);
    runTrustTests(adapter);
    runLifecycleTests(adapter);

    describe('graceful close', () => {
      it('waits for in-flight handlers, settles them, then closes', TEST_TIMEOUT, async () => {
        const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' };
        const probe = probeFor(cell.pattern);
        probe.hold();
        const target = await adapter.start({ module: buildModule([cell]), patterns: [cell.pattern], serverOptions: { concurrency: 3, shutdownTimeoutMs: 20_000 } });
        target.server.on('handled', (event: HandledEvent) => probeFor(event.pattern).handled.push(event));
        let closed = false;
        try {
          for (let i = 0; i < 3; i++) await target.emit(cell.pattern, { n: i });
          await waitFor(() => probe.contexts.length === 3, { message: '3 handlers in flight' });
          const closing = target.app.close().then(() => (closed = true));
          await waitFor(() => target.server.isClosing === true);
          assert.equal(closed, false, 'close waits for in-flight handlers');
          probe.release();
          await closing;
          assert.equal(probe.handled.length, 3);
          await waitForEqual(() => target.outstanding(cell.pattern), 0, { message: 'all three acked before the connection closed' });
        } finally {
          probe.release();
          await target.close();
        }
      });
      it('leaves a handler still running at shutdownTimeoutMs unsettled, never acked', TEST_TIMEOUT, async () => {
        const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' };
        const probe = probeFor(cell.pattern);
        probe.hold();
        const target = await adapter.start({ module: buildModule([cell]), patterns: [cell.pattern], serverOptions: { shutdownTimeoutMs: 200 } });
        try {
          await target.emit(cell.pattern, DATA);
          await waitFor(() => probe.contexts.length === 1, { message: 'the handler in flight' });
          await target.app.close();
          probe.release();
          assert.equal(await probe.lastContext.ack(), false, 'the abandoned delivery can no longer be settled');
          await waitForEqual(() => target.outstanding(cell.pattern), 1, { message: 'the message stays with the broker for redelivery' });
          assert.deepEqual(await target.deadLetters(cell.pattern), []);
        } finally {
          probe.release();
          await target.close();
        }
      });
    });
  });
}
