import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';
import type { ConformanceAdapter } from './adapter';
import type { CellSpec } from './cells';
import { assertFinal, DATA, handledCounts, TEST_TIMEOUT, withTarget } from './harness';

/** Nest's envelope for a request: `{"pattern":...,"data":...,"id":...}`. */
function requestBody(pattern: string, id: string): Buffer {
  return Buffer.from(JSON.stringify({ pattern, data: DATA, id }));
}

/**
 * The trust boundary: nothing a producer writes into a message (reply address,
 * headers, the pattern in the body, a control key) steers what the server runs
 * or where it writes. Asserted on broker state: the dead letter and its reason.
 */
export function runTrustTests(adapter: ConformanceAdapter): void {
  describe('trust boundary: what a producer writes does not steer the server', () => {
    if (adapter.replies !== false) {
      it('a request naming a reply address outside replyAddresses is dead-lettered as invalid-reply-address before its handler runs', TEST_TIMEOUT, async () => {
        const tries = () => {
          const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'message', behavior: 'completes', methodPolicy: 'ACK' };
          return [`not-a-reply-address-${uniqueName('r')}`, ...(adapter.forgedReplyAddresses?.(cell.pattern) ?? [])].map((replyTo, i) => ({ replyTo, cell: i === 0 ? cell : { ...cell, pattern: uniqueName('ack') } }));
        };
        for (const { replyTo, cell } of tries()) {
          await withTarget(adapter, [cell], {}, async ({ target, probe }) => {
            const id = uniqueName('id');
            const body = adapter.bodyOf ? adapter.bodyOf(cell.pattern, Buffer.from(JSON.stringify(DATA))) : requestBody(cell.pattern, id);
            await target.publishForged(cell.pattern, body, { replyTo, correlationId: id });
            const entry = await assertFinal(target, cell.pattern, { state: 'dead-lettered', reason: 'invalid-reply-address', errorName: 'ReplyAddressRefusedError' }, 1);
            assert.equal(probe(cell.pattern).contexts.length, 0, `the handler never ran (reply address ${JSON.stringify(replyTo)})`);
            assert.ok(entry!.body.equals(body), 'the dead letter holds the original bytes');
            // The same app still answers its own client's requests.
            assert.equal(await target.send(cell.pattern, DATA), 'ok:42');
          });
        }
      });
    }

    if (adapter.addressIsPattern) {
      it('a body naming another pattern than its address serves is dead-lettered as pattern-mismatch; the other handler never runs', TEST_TIMEOUT, async () => {
        const publicCell: CellSpec = { pattern: uniqueName('public'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' };
        const adminCell: CellSpec = { pattern: uniqueName('admin'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' };
        await withTarget(adapter, [publicCell, adminCell], {}, async ({ target, probe }) => {
          const body = Buffer.from(JSON.stringify({ pattern: adminCell.pattern, data: DATA }));
          await target.publishForged(publicCell.pattern, body, {});
          await assertFinal(target, publicCell.pattern, { state: 'dead-lettered', reason: 'pattern-mismatch', errorName: 'PatternMismatchError' }, 1);
          assert.equal(probe(adminCell.pattern).contexts.length, 0, 'the handler the body named never ran');
          assert.equal(probe(publicCell.pattern).contexts.length, 0, 'nor the address\'s own');
          assert.deepEqual(await target.deadLetters(adminCell.pattern), []);
        });
      });
    }

    it('headers over maxMessageBytes are dead-lettered as deserialization (the body alone is small), and the next message flows', TEST_TIMEOUT, async () => {
      const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' };
      await withTarget(adapter, [cell], { maxMessageBytes: 4096 }, async ({ target, probe }) => {
        const body = adapter.bodyOf ? adapter.bodyOf(cell.pattern, Buffer.from(JSON.stringify(DATA))) : Buffer.from(JSON.stringify({ pattern: cell.pattern, data: DATA }));
        await target.publishForged(cell.pattern, body, { headers: { 'x-filler': 'x'.repeat(8192) } });
        await assertFinal(target, cell.pattern, { state: 'dead-lettered', reason: 'deserialization', errorName: 'MessageTooLargeError', errorMessageIncludes: 'over maxMessageBytes=4096' }, 1);
        assert.equal(probe(cell.pattern).contexts.length, 0, 'never handed to a handler');
        await target.emit(cell.pattern, DATA);
        await waitFor(() => probe(cell.pattern).handled.some((event) => event.outcome === 'completed'), { message: 'the next message handled' });
      });
    });

    it('a plain object carrying the control key is an ordinary failure, not a command', TEST_TIMEOUT, async () => {
      const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'throws a plain object carrying the control key', methodPolicy: 'REJECT_ON_ERROR' };
      await withTarget(adapter, [cell], {}, async ({ target, probe }) => {
        await target.emit(cell.pattern, DATA);
        await assertFinal(target, cell.pattern, { state: 'dead-lettered', reason: 'handler-error' }, 1);
        assert.deepEqual(handledCounts(probe(cell.pattern)), [1]);
      });
    });
  });
}
