import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { Client, type Notification } from 'pg';
import { RequestAbandonedError } from '../../lib/core/errors';
import { AckModule } from '../../lib/module';
import { PostgresAckClient, PostgresSql } from '../../lib/postgres';
import { dropTables, endTestPool, POSTGRES_URL, testPool, uniqueTable } from '../support/postgres-broker';
import { startPostgresApp, type PostgresTestApp } from '../support/postgres-app';
import { waitFor } from '../support/wait-for';

const calls: string[] = [];

@Controller()
class TrustController {
  @MessagePattern('trust.echo')
  echo(data: unknown) {
    calls.push(`echo:${JSON.stringify(data)}`);
    return { echoed: data };
  }

  @EventPattern('trust.event')
  event(data: unknown) {
    calls.push(`event:${JSON.stringify(data)}`);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [TrustController] })
class TrustModule {}

interface RowView {
  state: string;
  reason: string | null;
  last_error: string | null;
  body_bytes: number;
}

/** Inserts a row as any role with INSERT on the table can: every column the producer's. */
async function insertRow(sql: PostgresSql, queue: string, row: { pattern: string; body: Buffer; headers?: Record<string, string>; replyTo?: string; correlationId?: string }): Promise<string> {
  const { rows } = await testPool().query(sql.insert, [queue, row.pattern, row.body, JSON.stringify(row.headers ?? {}), row.replyTo ?? null, row.correlationId ?? null, sql.channel]);
  return String(rows[0].id);
}

async function rowOf(sql: PostgresSql, id: string): Promise<RowView> {
  const { rows } = await testPool().query<RowView>(`SELECT state, reason, last_error, octet_length(body) AS body_bytes FROM ${sql.messages} WHERE id = $1`, [id]);
  return rows[0];
}

async function waitForFailed(sql: PostgresSql, id: string, reason: string): Promise<RowView> {
  const row = await waitFor(async () => {
    const row = await rowOf(sql, id);
    return row?.state === 'FAILED' && row.reason === reason ? row : undefined;
  }, { timeoutMs: 15_000, message: `row ${id} FAILED with reason ${reason}` });
  return row!;
}

/** A connection LISTENing on channels, keeping every notification it gets. */
async function listenOn(channels: string[]): Promise<{ got: Notification[]; client: Client }> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  const got: Notification[] = [];
  client.on('notification', (message) => got.push(message));
  for (const channel of channels) await client.query(`LISTEN "${channel}"`);
  return { got, client };
}

/**
 * Notifications are delivered in commit order: once a NOTIFY committed after
 * the row settled has arrived, any NOTIFY the server sent for that row would
 * have arrived before it.
 */
async function fence(listener: { got: Notification[] }, channel: string): Promise<void> {
  const payload = `fence-${randomBytes(4).toString('hex')}`;
  await testPool().query('SELECT pg_notify($1, $2)', [channel, payload]);
  await waitFor(() => listener.got.some((message) => message.payload === payload), { message: `the fence notification on ${channel}` });
}

describe('PostgreSQL trust boundary: reply_to names only an allowed channel', { timeout: 120_000 }, () => {
  let target: PostgresTestApp;
  before(async () => {
    target = await startPostgresApp(TrustModule, {}, 'trust');
  });
  after(async () => {
    await target?.close();
    await endTestPool();
  });

  it('a request whose reply_to names another channel is FAILED as invalid-reply-address; that channel is never notified and no reply is filed', async () => {
    const victim = `victim_${randomBytes(6).toString('hex')}`;
    const listener = await listenOn([victim]);
    try {
      const id = `req-${randomBytes(4).toString('hex')}`;
      const body = Buffer.from(JSON.stringify({ pattern: 'trust.echo', data: 1, id }));
      const rowId = await insertRow(target.sql, target.queue, { pattern: 'trust.echo', body, replyTo: victim, correlationId: id });
      const row = await waitForFailed(target.sql, rowId, 'invalid-reply-address');
      assert.match(row.last_error ?? '', /is not in replyAddresses/);
      // Settled first, then the fence: what the server notified for this row would be in `got` by now.
      await fence(listener, victim);
      assert.deepEqual(listener.got.map((message) => message.payload).filter((payload) => !payload?.startsWith('fence-')), [], 'no notification from the server');
      const { rows } = await testPool().query(`SELECT count(*)::int AS n FROM ${target.sql.replies} WHERE reply_to = $1`, [victim]);
      assert.equal(rows[0].n, 0, 'no reply row filed under the other channel');
      assert.ok(!calls.includes('echo:1'), 'the handler never ran');
      // The server still answers its own client.
      assert.deepEqual(await firstValueFrom(target.client.send('trust.echo', 2)), { echoed: 2 });
    } finally {
      await listener.client.end();
    }
  });

  it('refuses channel names PostgreSQL would reject or a client could not have made, with the client\'s prefix', async () => {
    const forged = [
      `nestjs_ack_reply_${'a'.repeat(47)}`, // 64 bytes: over the identifier limit
      'nestjs_ack_reply_X', // upper case: never made by the client
      'nestjs_ack_reply_x"; NOTIFY victim; --',
      `nestjs_ack_reply_${'é'.repeat(3)}`,
      target.sql.channel, // the consumers' own wake channel
    ];
    for (const replyTo of forged) {
      const id = `req-${randomBytes(4).toString('hex')}`;
      const rowId = await insertRow(target.sql, target.queue, { pattern: 'trust.echo', body: Buffer.from(JSON.stringify({ pattern: 'trust.echo', data: replyTo, id })), replyTo, correlationId: id });
      await waitForFailed(target.sql, rowId, 'invalid-reply-address');
      assert.ok(!calls.includes(`echo:${JSON.stringify(replyTo)}`), `the handler never ran for ${JSON.stringify(replyTo)}`);
    }
    const { rows } = await testPool().query(`SELECT count(*)::int AS n FROM ${target.sql.replies}`);
    assert.equal(rows[0].n, 0, 'no reply row filed');
  });
});

describe('PostgreSQL trust boundary: replyAddresses and the client\'s replyChannelPrefix', { timeout: 120_000 }, () => {
  let target: PostgresTestApp;
  before(async () => {
    target = await startPostgresApp(TrustModule, { replyAddresses: { prefixes: ['billing_replies_'] } }, 'trust');
  });
  after(async () => {
    await target?.close();
    await endTestPool();
  });

  it('a client with the configured prefix gets its reply; one with the default prefix is dead-lettered', async () => {
    const billing = new PostgresAckClient({ connection: POSTGRES_URL, table: target.table, queue: target.queue, replyChannelPrefix: 'billing_replies_' });
    try {
      assert.deepEqual(await firstValueFrom(billing.send('trust.echo', 3)), { echoed: 3 });
    } finally {
      await billing.close();
    }
    // The default client's channel (nestjs_ack_reply_...) is no longer in the list: no reply, the row FAILED.
    const pending = firstValueFrom(target.client.send('trust.echo', 4)).catch((error: unknown) => error);
    const failed = await waitFor(async () => {
      const { rows } = await testPool().query(`SELECT id FROM ${target.sql.messages} WHERE state = 'FAILED' AND reason = 'invalid-reply-address' AND reply_to LIKE 'nestjs\\_ack\\_reply\\_%'`);
      return rows.length === 1;
    }, { message: 'the default client\'s request FAILED as invalid-reply-address' });
    assert.ok(failed);
    assert.ok(!calls.includes('echo:4'), 'the handler never ran');
    await target.client.close(); // fails the pending send: no reply will come
    const abandoned = (await pending) as Error & { code?: string };
    assert.ok(abandoned instanceof RequestAbandonedError, `${abandoned}`);
    assert.equal(abandoned.code, 'ACK_REQUEST_ABANDONED');
  });
});

describe('PostgreSQL trust boundary: maxMessageBytes counts every column a producer writes', { timeout: 120_000 }, () => {
  let target: PostgresTestApp;
  before(async () => {
    target = await startPostgresApp(TrustModule, { maxMessageBytes: 64 * 1024 }, 'trust');
  });
  after(async () => {
    await target?.close();
    await endTestPool();
  });

  it('the claim returns an oversized row without its columns: size measured in the database, body never loaded', async () => {
    // A table of its own with no consumer: the client creates it.
    const table = uniqueTable('size');
    const queue = 'size';
    const creator = new PostgresAckClient({ connection: POSTGRES_URL, table, queue, createSchema: true });
    const sql = new PostgresSql({ schema: 'public', table });
    try {
      await creator.connect();
      const body = Buffer.alloc(2 * 1024 * 1024, 0x61);
      await insertRow(sql, queue, { pattern: 'trust.event', body, headers: { 'x-filler': 'h'.repeat(100) }, replyTo: 'nestjs_ack_reply_0', correlationId: 'c1' });
      const { rows } = await testPool().query(sql.claim, [queue, 10, 30_000, 1024]);
      assert.equal(rows.length, 1);
      const headerText = (await testPool().query(`SELECT octet_length(headers::text) AS n FROM ${sql.messages}`)).rows[0].n as number;
      assert.equal(Number(rows[0].size), body.length + headerText + 'trust.event'.length + 'nestjs_ack_reply_0'.length + 'c1'.length);
      assert.deepEqual([rows[0].body, rows[0].headers, rows[0].pattern, rows[0].reply_to, rows[0].correlation_id], [null, null, null, null, null]);
      // Under the limit, the same row comes back whole (its lease ran out: claimed again at once).
      const whole = await testPool().query(sql.claim.replace('lease_expires_at < now()', 'lease_expires_at > now() - interval \'1 hour\''), [queue, 10, 30_000, 4 * 1024 * 1024]);
      assert.equal(whole.rows[0].body.length, body.length);
    } finally {
      await creator.close();
      await dropTables(table).catch(() => undefined);
    }
  });

  it('a row with small body and oversized headers is FAILED as deserialization, its body kept in the table; the next row flows', async () => {
    const body = Buffer.from(JSON.stringify({ pattern: 'trust.event', data: 'big-headers' }));
    const rowId = await insertRow(target.sql, target.queue, { pattern: 'trust.event', body, headers: { 'x-filler': 'x'.repeat(100 * 1024) } });
    const row = await waitForFailed(target.sql, rowId, 'deserialization');
    assert.match(row.last_error ?? '', /over maxMessageBytes=65536/);
    assert.equal(row.body_bytes, body.length, 'the dead letter keeps the original body');
    assert.ok(!calls.includes('event:"big-headers"'), 'never handed to a handler');
    // A reply_to or correlation_id can be the oversized part too.
    const longId = await insertRow(target.sql, target.queue, { pattern: 'trust.event', body: Buffer.from(JSON.stringify({ pattern: 'trust.event', data: 'big-id' })), correlationId: 'c'.repeat(100 * 1024) });
    await waitForFailed(target.sql, longId, 'deserialization');
    assert.ok(!calls.includes('event:"big-id"'));
    await firstValueFrom(target.client.emit('trust.event', 'next'));
    await waitFor(() => calls.includes('event:"next"'), { message: 'the next row handled' });
  });
});
