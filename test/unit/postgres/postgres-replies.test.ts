import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pool } from 'pg';
import { DeliveryGoneError } from '../../../lib/core/errors';
import type { PostgresMessage } from '../../../lib/postgres';
import { PostgresReplies } from '../../../lib/postgres/postgres-replies';
import { PostgresSql } from '../../../lib/postgres/postgres-sql';

const sql = new PostgresSql({ schema: 'public', table: 'jobs' });

/** A pool that records its queries. */
function fakePool(): { pool: Pool; queries: { text: string; values: unknown[] }[] } {
  const queries: { text: string; values: unknown[] }[] = [];
  const pool = { query: async (text: string, values: unknown[]) => (queries.push({ text, values }), { rows: [], rowCount: 1 }) } as unknown as Pool;
  return { pool, queries };
}

describe('PostgreSQL replies', () => {
  it('files the reply under the request channel and correlation id, without the serializer options', async () => {
    const { pool, queries } = fakePool();
    const replies = new PostgresReplies(undefined, sql, () => pool);
    const packet = { id: 'p-1', response: 42, isDisposed: true, options: { headers: { a: 'b' } } };
    await replies.publishReply({ correlationId: 'c-1' } as PostgresMessage, 'nestjs_ack_reply_0123456789abcdef', packet);
    assert.equal(queries.length, 1);
    assert.equal(queries[0].text, sql.insertReply);
    const [replyTo, correlationId, body] = queries[0].values as [string, string, Buffer];
    assert.equal(replyTo, 'nestjs_ack_reply_0123456789abcdef');
    assert.equal(correlationId, 'c-1');
    assert.deepEqual(JSON.parse(body.toString('utf8')), { id: 'p-1', response: 42, isDisposed: true });
  });

  it('falls back to the packet id without a correlation id, and fails with DeliveryGoneError once the pool is closed', async () => {
    const { pool, queries } = fakePool();
    await new PostgresReplies(undefined, sql, () => pool).publishReply({} as PostgresMessage, 'nestjs_ack_reply_x', { id: 'p-2', response: 1 });
    assert.equal(queries[0].values[1], 'p-2');
    const closed = new PostgresReplies(undefined, sql, () => {
      throw new DeliveryGoneError('the server closed its PostgreSQL pool');
    });
    await assert.rejects(closed.publishReply({} as PostgresMessage, 'nestjs_ack_reply_x', { id: 'p-3' }), (error: DeliveryGoneError) => error instanceof DeliveryGoneError && error.code === 'ACK_DELIVERY_GONE');
  });

  it('accepts only channels of replyAddresses (by default the client prefix)', () => {
    const byDefault = new PostgresReplies(undefined, sql, () => assert.fail('no query'));
    assert.equal(byDefault.acceptsReplyAddress('nestjs_ack_reply_0123456789abcdef'), true);
    assert.equal(byDefault.acceptsReplyAddress('jobs_wake'), false);
    assert.equal(byDefault.acceptsReplyAddress('Nestjs_ack_reply_x; DROP TABLE jobs'), false);
    const named = new PostgresReplies({ names: ['my_replies'] }, sql, () => assert.fail('no query'));
    assert.equal(named.acceptsReplyAddress('my_replies'), true);
    assert.equal(named.acceptsReplyAddress('nestjs_ack_reply_0123456789abcdef'), false);
  });
});
