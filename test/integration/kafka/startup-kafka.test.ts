import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NestFactory } from '@nestjs/core';
import { KafkaAckServer } from '../../../lib/kafka';
import { handlerModule } from '../../support/kafka-test-app';
import { uniqueName } from '../../support/names';

describe('KafkaAckServer start-up errors', { timeout: 60_000 }, () => {
  it('fails at construction without groupId, naming the option', () => {
    assert.throws(() => new KafkaAckServer({} as never), /groupId/);
  });

  it('fails at construction on a wrong option, naming it and the allowed values', () => {
    assert.throws(() => new KafkaAckServer({ groupId: 'g', commitEveryN: 0 }), { code: 'ACK_INVALID_OPTION', message: /commitEveryN 0; allowed: an integer >= 1/ });
    assert.throws(() => new KafkaAckServer({ groupId: 'g', createTopics: 'yes' as never }), { code: 'ACK_INVALID_OPTION', message: /createTopics "yes"; allowed: true, false/ });
  });

  it('refuses a handler pattern that is not a topic name', async () => {
    const server = new KafkaAckServer({ groupId: uniqueName('g') });
    const app = await NestFactory.createMicroservice(handlerModule('not a topic!', () => undefined), { strategy: server, logger: false });
    await assert.rejects(app.listen(), { code: 'ACK_INVALID_OPTION', message: /handler pattern .*"not a topic!".*Kafka topic name/ });
    await app.close();
  });

  it('an unreachable broker fails listen() and leaves nothing open', async () => {
    const server = new KafkaAckServer({
      groupId: uniqueName('g'),
      brokers: ['127.0.0.1:1'],
      client: { connectionTimeout: 300, retry: { retries: 1, initialRetryTime: 50, maxRetryTime: 100 } },
      startTimeoutMs: 1000,
    });
    const app = await NestFactory.createMicroservice(handlerModule(uniqueName('t'), () => undefined), { strategy: server, logger: false });
    await assert.rejects(app.listen(), (error: Error & { code?: string }) => error.name === 'BrokerUnavailableError' && error.code === 'ACK_BROKER_UNAVAILABLE' && /Kafka at 127\.0\.0\.1:1 did not answer.*(ECONNREFUSED|Connection error)/i.test(error.message));
    await app.close(); // the test process exits only if every connection is closed
  });
});
