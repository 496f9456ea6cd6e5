import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uniqueName } from '../support/names';
import type { ConformanceAdapter } from './adapter';
import { OrderRefused, type CellSpec } from './cells';
import { assertFinal, DATA, TEST_TIMEOUT, withTarget } from './harness';

const FAST_RETRY = { maxDeliveries: 3, backoff: { type: 'fixed' as const, initialDelayMs: 20, jitter: 0 } };

/** `retry.nonRetryable`: under NACK_ON_ERROR an error no retry can fix goes to the dead letters at its first delivery. */
export function runClassificationTests(adapter: ConformanceAdapter): void {
  describe('errors that are never retried (retry.nonRetryable)', () => {
    it('a validation failure (BadRequestException from Nest\'s ParseIntPipe) is rejected at once as non-retryable under NACK_ON_ERROR', TEST_TIMEOUT, async () => {
      const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'fails in ParseIntPipe', methodPolicy: 'NACK_ON_ERROR' };
      await withTarget(adapter, [cell], { retry: FAST_RETRY }, async ({ target, probe }) => {
        await target.emit(cell.pattern, DATA);
        await assertFinal(target, cell.pattern, { state: 'dead-lettered', reason: 'non-retryable', errorName: 'BadRequestException', errorMessageIncludes: 'numeric string is expected' }, 1);
        assert.equal(probe(cell.pattern).handled.length, 1, 'delivered once');
      });
    });

    it('an error class of the handler\'s own @AckPolicy() retry.nonRetryable is rejected at once', TEST_TIMEOUT, async () => {
      const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'throws OrderRefused', methodPolicy: 'NACK_ON_ERROR', retry: { ...FAST_RETRY, nonRetryable: [OrderRefused] } };
      await withTarget(adapter, [cell], { retry: FAST_RETRY }, async ({ target }) => {
        await target.emit(cell.pattern, DATA);
        await assertFinal(target, cell.pattern, { state: 'dead-lettered', reason: 'non-retryable', errorName: 'OrderRefused' }, 1);
      });
    });

    it('an error outside the list is retried up to maxDeliveries as before', TEST_TIMEOUT, async () => {
      const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'throws OrderRefused', methodPolicy: 'NACK_ON_ERROR' };
      await withTarget(adapter, [cell], { retry: FAST_RETRY }, async ({ target, probe }) => {
        await target.emit(cell.pattern, DATA);
        await assertFinal(target, cell.pattern, { state: 'dead-lettered', reason: 'max-deliveries', errorName: 'OrderRefused' }, 3);
        assert.equal(probe(cell.pattern).handled.length, 3, 'delivered maxDeliveries times');
      });
    });

    it('the server\'s nonRetryable: [] retries every error, a validation failure too', TEST_TIMEOUT, async () => {
      const cell: CellSpec = { pattern: uniqueName('ack'), kind: 'event', behavior: 'fails in ParseIntPipe', methodPolicy: 'NACK_ON_ERROR' };
      await withTarget(adapter, [cell], { retry: { ...FAST_RETRY, maxDeliveries: 2, nonRetryable: [] } }, async ({ target }) => {
        await target.emit(cell.pattern, DATA);
        await assertFinal(target, cell.pattern, { state: 'dead-lettered', reason: 'max-deliveries', errorName: 'BadRequestException' }, 2);
      });
    });
  });
}
