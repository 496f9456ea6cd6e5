import assert from 'node:assert/strict';
import type { RequestAbandonedError } from '../../lib/core/errors';

/** What every client's `close()` fails a waiting `send()` with: the core's `RequestAbandonedError`. */
export function assertRequestAbandoned(error: Error): void {
  assert.equal(error.name, 'RequestAbandonedError');
  assert.equal((error as RequestAbandonedError).code, 'ACK_REQUEST_ABANDONED');
  assert.match(error.message, /closed before the reply arrived/);
}
