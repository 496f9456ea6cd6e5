import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NatsAckServer } from '../../../lib/nats';
import { uniqueStream } from '../../support/nats-broker';
import { uniqueName } from '../../support/names';
import { freePort } from '../../support/free-port';
import { oneHandlerModule, startAgainstNothing } from '../../support/start-unavailable';

describe('NATS: start-up while nothing answers', () => {
  it('tries with backoff, warns per attempt with the redacted address, then BrokerUnavailableError', { timeout: 30_000 }, async () => {
    const port = await freePort();
    const server = new NatsAckServer({ servers: `nats://svc:s3cret@127.0.0.1:${port}`, stream: uniqueStream('unavailable'), startTimeoutMs: 2000 });
    const { error, warnings } = await startAgainstNothing(server, oneHandlerModule(uniqueName('unavailable')), 2000);
    assert.equal(error.broker, 'NATS');
    assert.equal(error.address, `nats://127.0.0.1:${port}`);
    for (const text of [error.message, error.stack ?? '', ...warnings]) assert.doesNotMatch(text, /s3cret/);
    assert.match(warnings[0], /NatsAckServer/, 'logged under the class name');
  });
});
