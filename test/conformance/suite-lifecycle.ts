import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAckContext, type AckContext, type HandledEvent } from '../../lib/core';
import { uniqueName } from '../support/names';
import { loadedNest } from '../support/nest-version';
import { waitFor, waitForEqual } from '../support/wait-for';
import type { ConformanceAdapter } from './adapter';
import { buildModule, type CellSpec } from './cells';
import { DATA, TEST_TIMEOUT, withTarget } from './harness';

const CLOSE_DELAYS_MS = [0, 10, 50, 200, 400];

/** Nest's processing hooks, the start/close rule and the replies capability. */
export function runLifecycleTests(adapter: ConformanceAdapter): void {
  describe('Nest processing hooks', () => {
    it('the start and end hooks see every delivery, the end hook once it is settled', TEST_TIMEOUT, async (t) => {
      if (loadedNest().major < 11) return t.skip(`Nest ${loadedNest().version} has no processing hooks (Nest >= 11 has)`);
      const cells: CellSpec[] = [
        { pattern: uniqueName('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' },
        { pattern: uniqueName('ack'), kind: 'event', behavior: 'throws Error', methodPolicy: 'REJECT_ON_ERROR' },
      ];
      if (adapter.replies !== false) cells.push({ pattern: uniqueName('ack'), kind: 'message', behavior: 'completes', methodPolicy: 'ACK' });
      await withTarget(adapter, cells, {}, async ({ target, probe }) => {
        const server = target.server as unknown as {
          setOnProcessingStartHook(hook: (id: unknown, context: unknown, done: () => Promise<unknown>) => unknown): void;
          setOnProcessingEndHook(hook: (id: unknown, context: unknown) => void): void;
        };
        assert.equal(typeof server.setOnProcessingStartHook, 'function', 'Nest >= 11 has processing hooks');
        const started: Array<{ id: unknown; context: unknown }> = [];
        const ended: Array<{ id: unknown; context: AckContext; settled: boolean }> = [];
        server.setOnProcessingStartHook((id, context, done) => {
          started.push({ id, context });
          return done();
        });
        server.setOnProcessingEndHook((id, context) => ended.push({ id, context: context as AckContext, settled: (context as AckContext).isSettled() }));
        for (const cell of cells) {
          if (cell.kind === 'event') await target.emit(cell.pattern, DATA);
          else assert.equal(await target.send(cell.pattern, DATA), 'ok:42');
        }
        await waitFor(() => cells.every((cell) => probe(cell.pattern).handled.length === 1), { message: 'every delivery handled' });
        await waitFor(() => ended.length === cells.length, { message: 'an end hook per delivery' });
        assert.equal(started.length, cells.length, 'a start hook per delivery');
        for (const { id, context } of started) {
          assert.equal(typeof id, 'symbol');
          assert.match(Symbol.keyFor(id as symbol) ?? '', /^nestjs-ack\./, 'the transport id names the transport');
          assert.ok(isAckContext(context), 'the hook gets the delivery\'s AckContext');
        }
        assert.deepEqual(new Set(ended.map((e) => e.context)), new Set(started.map((s) => s.context)), 'the end hook gets the same contexts');
        assert.ok(ended.every((e) => e.settled), 'the end hook runs after the policy settled the delivery');
      });
    });
  });

  describe('close during start', () => {
    for (const delayMs of CLOSE_DELAYS_MS) {
      it(`a close ${delayMs} ms into listen() settles listen() and leaves nothing consuming`, TEST_TIMEOUT, async () => {
        const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' };
        const target = await adapter.start({ module: buildModule([cell]), patterns: [cell.pattern], serverOptions: {}, listen: false });
        const handled: HandledEvent[] = [];
        target.server.on('handled', (event: HandledEvent) => handled.push(event));
        try {
          const listening = target.app.listen().then(
            () => 'started',
            (error: Error) => error,
          );
          // The scenario itself: a close at this point of the start (not a wait for a condition).
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          await target.app.close();
          const outcome = await waitFor(() => Promise.race([listening, new Promise((resolve) => setImmediate(() => resolve(undefined)))]), { message: 'listen() to settle', timeoutMs: 30_000 });
          if (outcome !== 'started') assert.equal((outcome as Error).name, 'ClosedDuringStartError', `listen() rejects with ClosedDuringStartError, got ${String(outcome)}`);
          if (target.consumers) await waitForEqual(() => target.consumers!(cell.pattern), 0, { message: 'consumers left on the broker' });
          await target.emit(cell.pattern, DATA);
          await waitForEqual(() => target.outstanding(cell.pattern), 1, { message: 'the message waits on the broker' });
          if (target.consumers) assert.equal(await target.consumers(cell.pattern), 0, 'still nothing consuming');
          assert.equal(handled.length, 0, 'the closed server handled nothing');
        } finally {
          await target.close();
        }
      });
    }
  });

  if (adapter.replies === false) {
    describe('replies', () => {
      it('a @MessagePattern handler is refused at start with a message that says why', TEST_TIMEOUT, async () => {
        const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'message', behavior: 'completes' };
        await assert.rejects(adapter.start({ module: buildModule([cell]), patterns: [cell.pattern], serverOptions: {} }), (error: Error) => {
          assert.equal(error.name, 'RepliesNotSupportedError');
          assert.match(error.message, /no reply channel.*@MessagePattern.*use @EventPattern/);
          return true;
        });
      });
    });
  }
}
