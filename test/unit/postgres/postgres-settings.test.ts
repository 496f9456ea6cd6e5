import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Pool } from 'pg';
import { InvalidOptionError } from '../../../lib/core';
import { PostgresAckClient, PostgresAckServer, PostgresSql } from '../../../lib/postgres';
import { resolvePostgresSettings } from '../../../lib/postgres/postgres-settings';

describe('PostgresAckServer options', () => {
  it('fills in the defaults', () => {
    const previous = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      const settings = resolvePostgresSettings({}, 10);
      assert.deepEqual(settings.connection, { config: { connectionString: 'postgres://postgres@127.0.0.1:5432/postgres', connectionTimeoutMillis: 5000 } });
      assert.deepEqual(settings.name, { schema: 'public', table: 'nestjs_ack_messages' });
      assert.equal(settings.queue, 'default');
      assert.equal(settings.createSchema, false);
      assert.equal(settings.batchSize, 10);
      assert.equal(settings.pollIntervalMs, 1000);
      assert.equal(settings.leaseMs, 30_000);
      assert.equal(settings.leaseRenewalMs, 10_000);
      assert.equal(settings.deleteOnAck, false);
      assert.equal(settings.deadLetter, true);
      assert.deepEqual(settings.retention, { completedMs: 86_400_000, failedMs: 1_209_600_000, intervalMs: 60_000 });
    } finally {
      if (previous !== undefined) process.env.DATABASE_URL = previous;
    }
  });

  it('gives a pool config a connection timeout unless it sets its own', () => {
    assert.deepEqual(resolvePostgresSettings({ connection: { host: 'db', max: 3 } }, 1).connection, { config: { host: 'db', max: 3, connectionTimeoutMillis: 5000 } });
    assert.deepEqual(resolvePostgresSettings({ connection: { host: 'db', connectionTimeoutMillis: 0 } }, 1).connection, { config: { host: 'db', connectionTimeoutMillis: 0 } });
  });

  it('takes the user\'s own pool as is', () => {
    const pool = new Pool();
    assert.deepEqual(resolvePostgresSettings({ connection: pool }, 1).connection, { pool });
  });

  it('refuses bad options in the constructor, naming the option', () => {
    const cases: Array<[object, string]> = [
      [{ table: 'orders; DROP TABLE x' }, 'table'],
      [{ schema: '1bad' }, 'schema'],
      [{ queue: '' }, 'queue'],
      [{ batchSize: 0 }, 'batchSize'],
      [{ pollIntervalMs: 0 }, 'pollIntervalMs'],
      [{ leaseMs: 1000, leaseRenewalMs: 1000 }, 'leaseRenewalMs'],
      [{ deleteOnAck: 'yes' }, 'deleteOnAck'],
      [{ deadLetter: 1 }, 'deadLetter'],
      [{ retention: { completedMs: -1 } }, 'retention.completedMs'],
      [{ createSchema: 'true' }, 'createSchema'],
      [{ connection: 42 }, 'connection'],
    ];
    for (const [options, option] of cases) {
      assert.throws(() => new PostgresAckServer(options as never), (error: unknown) => error instanceof InvalidOptionError && error.option === option && error.code === 'ACK_INVALID_OPTION', `option ${option}`);
    }
    assert.throws(() => new PostgresAckClient({ table: 'x-y' }), (error: unknown) => error instanceof InvalidOptionError && error.option === 'table');
  });
});

describe('PostgreSQL schema', () => {
  it('schema.sql holds the statements createSchema runs for the default names', () => {
    const file = readFileSync(join(__dirname, '../../../../lib/postgres/schema.sql'), 'utf8');
    const statements = new PostgresSql({ schema: 'public', table: 'nestjs_ack_messages' }).createSchema().trim();
    assert.ok(file.includes(statements), 'schema.sql is in sync with PostgresSql.createSchema()');
  });

  it('quotes names and claims only through the partial index\'s predicate', () => {
    const sql = new PostgresSql({ schema: 'app', table: 'jobs' });
    assert.equal(sql.messages, '"app"."jobs"');
    assert.equal(sql.replies, '"app"."jobs_replies"');
    assert.equal(sql.channel, 'jobs_wake');
    assert.match(sql.createSchema(), /"jobs_claimable" ON "app"."jobs" \(queue, next_attempt_at, id\) WHERE state IN \('PENDING', 'RETRYABLE'\)/);
    // The claim's predicate must match the index's for the planner to use it.
    assert.match(sql.claim, /state IN \('PENDING', 'RETRYABLE'\) AND next_attempt_at <= now\(\)/);
    assert.match(sql.claim, /FOR UPDATE SKIP LOCKED/);
  });
});
