import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RabbitAckServer, type RabbitAckServerOptions } from '../../lib/rabbitmq';
import { uniqueName } from '../support/names';
import { deleteRabbitTopology, RABBITMQ_URL, withRabbit } from '../support/rabbit-broker';

@Module({})
class EmptyModule {}

async function listenError(options: RabbitAckServerOptions): Promise<Error> {
  const app = await NestFactory.createMicroservice(EmptyModule, { strategy: new RabbitAckServer(options), logger: false });
  try {
    await app.listen();
  } catch (error) {
    return error as Error;
  } finally {
    await app.close().catch(() => undefined);
  }
  throw new Error('listen() should have failed');
}

describe('RabbitAckServer start-up errors', () => {
  const queues: string[] = [];
  after(async () => {
    for (const queue of queues) await deleteRabbitTopology(queue);
  });

  it('an unreachable broker: listen() fails, naming the host but never the password', { timeout: 30_000 }, async () => {
    const error = await listenError({ queue: uniqueName('startup'), urls: 'amqp://someone:s3cret-pw@127.0.0.1:1' });
    assert.match(error.message, /could not connect to RabbitMQ \(amqp:\/\/127\.0\.0\.1:1/);
    assert.ok(!error.message.includes('s3cret-pw'));
  });

  it('a queue that exists with other arguments: the error says what to change', { timeout: 30_000 }, async () => {
    const queue = uniqueName('startup');
    queues.push(queue);
    await withRabbit(async (model) => {
      const channel = await model.createChannel();
      await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'classic' } });
      await channel.close();
    });
    const error = await listenError({ queue, urls: RABBITMQ_URL });
    assert.match(error.message, /could not declare queue ".*": .*PRECONDITION_FAILED.*noAssert: true/);
  });

  it('noAssert on a queue that does not exist: the error names it', { timeout: 30_000 }, async () => {
    const queue = uniqueName('startup');
    const error = await listenError({ queue, urls: RABBITMQ_URL, noAssert: true });
    assert.match(error.message, new RegExp(`could not check queue "${queue.replace(/\./g, '\\.')}": .*NOT_FOUND`));
  });
});
