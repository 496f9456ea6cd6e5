import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KafkaAckServer } from '../../../lib/kafka';
import { uniqueName } from '../../support/names';
import { freePort } from '../../support/free-port';
import { oneHandlerModule, startAgainstNothing } from '../../support/start-unavailable';

describe('Kafka: start-up while nothing answers', () => {
  it('tries with backoff, warns per attempt, then BrokerUnavailableError; kafkajs itself stays quiet', { timeout: 30_000 }, async () => {
    const port = await freePort();
    const server = new KafkaAckServer({ groupId: uniqueName('g'), brokers: [`127.0.0.1:${port}`], startTimeoutMs: 2000 });
    const { error, warnings, logger } = await startAgainstNothing(server, oneHandlerModule(uniqueName('unavailable')), 2000);
    assert.equal(error.broker, 'Kafka');
    assert.equal(error.address, `127.0.0.1:${port}`);
    assert.match(warnings[0], /KafkaAckServer/, 'logged under the class name');
    assert.deepEqual(logger.lines.filter((line) => line.level === 'error').map((line) => line.text), [], 'no kafkajs error lines');
  });
});
