import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RedisAckServer } from '../../../lib/redis';
import { uniqueName } from '../../support/names';
import { freePort } from '../../support/free-port';
import { oneHandlerModule, startAgainstNothing } from '../../support/start-unavailable';

describe('Redis: start-up while nothing answers', () => {
  it('tries with backoff, warns per attempt with the redacted address, then BrokerUnavailableError (it used to hang)', { timeout: 30_000 }, async () => {
    const port = await freePort();
    const stream = uniqueName('unavailable');
    const server = new RedisAckServer({ connection: `redis://:secret-password@127.0.0.1:${port}`, group: 'g', startTimeoutMs: 2000 });
    const { error, warnings } = await startAgainstNothing(server, oneHandlerModule(stream), 2000);
    assert.equal(error.broker, 'Redis');
    assert.equal(error.address, `redis://127.0.0.1:${port}`);
    for (const text of [error.message, error.stack ?? '', ...warnings]) assert.doesNotMatch(text, /secret-password/);
    assert.match(warnings[0], /RedisAckServer/, 'logged under the class name');
  });
});
