import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RabbitAckServer } from '../../../lib/rabbitmq';
import { uniqueName } from '../../support/names';
import { freePort } from '../../support/free-port';
import { oneHandlerModule, startAgainstNothing } from '../../support/start-unavailable';

describe('RabbitMQ: start-up while nothing answers', () => {
  it('tries with backoff, warns per attempt with the redacted address, then BrokerUnavailableError', { timeout: 30_000 }, async () => {
    const port = await freePort();
    const queue = uniqueName('unavailable');
    const server = new RabbitAckServer({ urls: `amqp://someone:s3cret-pw@127.0.0.1:${port}`, queue, startTimeoutMs: 2000, reconnect: { initialDelayMs: 100 } });
    const { error, warnings } = await startAgainstNothing(server, oneHandlerModule(queue), 2000);
    assert.equal(error.broker, 'RabbitMQ');
    assert.equal(error.address, `amqp://127.0.0.1:${port}`);
    assert.match(error.message, new RegExp(`RabbitMQ at amqp://127\\.0\\.0\\.1:${port} did not answer: \\d+ attempt`));
    for (const text of [error.message, error.stack ?? '', ...warnings]) assert.doesNotMatch(text, /s3cret-pw/);
    assert.match(warnings[0], new RegExp(`could not reach RabbitMQ at amqp://127\\.0\\.0\\.1:${port} \\(attempt 1\\)`));
    assert.match(warnings[0], /RabbitAckServer/, 'logged under the class name');
  });
});
