import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PostgresAckServer } from '../../../lib/postgres';
import { uniqueName } from '../../support/names';
import { freePort } from '../../support/free-port';
import { oneHandlerModule, startAgainstNothing } from '../../support/start-unavailable';

describe('PostgreSQL: start-up while nothing answers', () => {
  it('tries with backoff, warns per attempt with the redacted address, then BrokerUnavailableError', { timeout: 30_000 }, async () => {
    const port = await freePort();
    const queue = uniqueName('unavailable');
    const server = new PostgresAckServer({ connection: `postgresql://app:s3cret@127.0.0.1:${port}/test`, queue, startTimeoutMs: 2000 });
    const { error, warnings } = await startAgainstNothing(server, oneHandlerModule(queue), 2000);
    assert.equal(error.broker, 'PostgreSQL');
    assert.equal(error.code, 'ACK_BROKER_UNAVAILABLE');
    assert.equal(error.address, `postgresql://127.0.0.1:${port}/test`);
    for (const text of [error.message, error.stack ?? '', ...warnings]) assert.doesNotMatch(text, /s3cret/);
    assert.match(warnings[0], /PostgresAckServer/, 'logged under the class name');
  });
});
