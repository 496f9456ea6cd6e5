import { RequestAbandonedError } from '../../../lib/core/errors';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReplyBody, PendingRequests } from '../../../lib/core/pending-requests';

describe('PendingRequests', () => {
  it('hands replies to their request; the disposed one or an error ends it', () => {
    const pending = new PendingRequests();
    const seen: unknown[] = [];
    pending.add('a', (packet) => seen.push(packet));
    pending.deliver('a', { response: 1 });
    pending.deliver('a', { response: 2, isDisposed: true });
    pending.deliver('a', { response: 3 });
    assert.deepEqual([...seen], [{ response: 1 }, { response: 2, isDisposed: true }]);
    assert.equal(pending.has('a'), false);
    pending.add('b', (packet) => seen.push(packet));
    pending.deliver('b', { err: { status: 'error', message: 'x' } });
    assert.deepEqual(seen.at(-1), { err: { status: 'error', message: 'x' }, isDisposed: true });
    assert.equal(pending.has('b'), false);
  });

  it('fails one or all, and forgets unsubscribed callers', () => {
    const pending = new PendingRequests();
    const errors: unknown[] = [];
    const unsubscribe = pending.add('gone', () => errors.push('never'));
    unsubscribe();
    pending.add('a', (packet) => errors.push(packet.err));
    pending.add('b', (packet) => errors.push(packet.err));
    pending.fail('a', new Error('publish failed'));
    pending.failAll('closed');
    assert.deepEqual(errors.map((e) => (e as Error).message), ['publish failed', 'nestjs-ack: closed']);
    assert.equal((errors[1] as RequestAbandonedError).code, 'ACK_REQUEST_ABANDONED');
    pending.deliver('zzz', { response: 1 }); // unknown: ignored
  });

  it('reads a reply body as JSON, else as text', () => {
    assert.deepEqual(parseReplyBody(Buffer.from('{"id":"1"}')), { id: '1' });
    assert.equal(parseReplyBody('not json'), 'not json');
  });
});
