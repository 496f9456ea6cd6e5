import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { AckModule, DeadLetterHeaders, type SettlementEvent } from '../../../lib';
import { RabbitAckClient, RabbitAckServer } from '../../../lib/rabbitmq';
import { CaptureLogger } from '../../support/capture-logger';
import { uniqueName } from '../../support/names';
import { deleteRabbitTopology, peekQueue, queueDepth, RABBITMQ_URL } from '../../support/rabbit-broker';

const queues: string[] = [];

/** Fails one message on a real RabbitMQ queue and returns what the app's logger received. */
async function failOnce(ackModule: boolean) {
  const marker = uniqueName('failure');
  @Controller()
  class FailingController {
    @EventPattern('order.created')
    created(): void {
      throw new TypeError(marker);
    }
  }
  @Module({ imports: ackModule ? [AckModule.forRoot()] : [], controllers: [FailingController] })
  class AppModule {}
  const queue = uniqueName('failure-log');
  queues.push(queue);
  const server = new RabbitAckServer({ urls: RABBITMQ_URL, queue });
  const logger = new CaptureLogger();
  const app = await NestFactory.createMicroservice(AppModule, { strategy: server, logger });
  const client = new RabbitAckClient({ urls: RABBITMQ_URL, queue });
  try {
    await app.listen();
    const settled = new Promise<SettlementEvent>((resolve) => server.on('settled', resolve));
    await lastValueFrom(client.emit('order.created', { id: 'o-1' }));
    assert.equal((await settled).settlement.kind, 'reject');
  } finally {
    await client.close();
    await app.close();
  }
  return { marker, logger, queue };
}

describe('one log line per failed handler (RabbitMQ)', () => {
  after(async () => {
    for (const queue of queues) await deleteRabbitTopology(queue);
  });

  for (const ackModule of [true, false]) {
    it(`${ackModule ? 'with' : 'without'} AckModule: one error line with the original name, message and stack; the message is dead-lettered`, { timeout: 60_000 }, async () => {
      const { marker, logger, queue } = await failOnce(ackModule);
      const lines = logger.mentioning(marker);
      assert.equal(lines.length, 1, lines.map((l) => l.text).join('\n---\n'));
      assert.equal(lines[0].level, 'error');
      assert.match(lines[0].text, new RegExp(`TypeError: ${marker}`));
      assert.match(lines[0].text, /\n\s+at .*failure-log-rabbitmq\.test\.js/, 'the original stack');
      assert.equal(logger.lines.filter((l) => l.level === 'error' || l.level === 'fatal').length, 1, 'no other error line');
      // The broker: nothing left on the queue, the one message in its dead-letter queue.
      assert.deepEqual(await queueDepth(queue), { ready: 0, unacked: 0 });
      const deadLetters = await peekQueue(`${queue}.dlq`);
      assert.equal(deadLetters.length, 1);
      assert.equal(String(deadLetters[0].properties.headers?.[DeadLetterHeaders.REASON]), 'handler-error');
      // With AckModule the dead letter keeps the original error; without, Nest's replacement (the start-up warning says so).
      assert.equal(String(deadLetters[0].properties.headers?.[DeadLetterHeaders.ERROR_NAME]), ackModule ? 'TypeError' : 'Error');
    });
  }
});
