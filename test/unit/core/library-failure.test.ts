import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, type ConsumerDeserializer, type IncomingRequest } from '@nestjs/microservices';
import { AckModule } from '../../../lib';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';
import { CaptureLogger } from '../../support/capture-logger';
import { waitFor } from '../../support/wait-for';

const received: unknown[] = [];

@Controller()
class OrdersController {
  @EventPattern('orders.created')
  created(data: unknown): void {
    received.push(data);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [OrdersController] })
class OrdersModule {}

/**
 * Stands for a defect of the library during a delivery: the first packet it
 * decodes throws a non-Error when the server reads its data (after the
 * decoding step, so it is no `deserialization` refusal).
 */
class FailingOnceDeserializer implements ConsumerDeserializer {
  failures = 0;
  deserialize(value: { pattern: string; data: unknown }): Promise<IncomingRequest> {
    const first = this.failures === 0;
    if (first) this.failures++;
    return Promise.resolve({
      pattern: value.pattern,
      get data(): unknown {
        if (first) throw 'a defect that is not an Error';
        return value.data;
      },
    } as IncomingRequest);
  }
}

describe('a failure inside the library during a delivery', () => {
  it('never strands the message: it is nacked with the retry backoff, redelivered, then settled, with an error event', async () => {
    received.length = 0;
    const broker = new InMemoryBroker();
    const deserializer = new FailingOnceDeserializer();
    const server = new InMemoryAckServer({ broker, queue: 'orders', deserializer, retry: { backoff: { type: 'fixed', initialDelayMs: 5, jitter: 0 } } });
    const logger = new CaptureLogger();
    const errors: Error[] = [];
    server.on('error', (error) => errors.push(error));
    const app = await NestFactory.createMicroservice(OrdersModule, { strategy: server, logger });
    const client = new InMemoryAckClient({ broker, queue: 'orders' });
    try {
      await app.listen();
      const id = client.emitAndGetId('orders.created', { order: 7 });
      await waitFor(() => broker.state('orders').history.some((event) => event.type === 'acked' && event.messageId === id), { message: 'the message acked' });
      assert.equal(deserializer.failures, 1, 'the defect happened');
      assert.deepEqual(received, [{ order: 7 }], 'the handler ran once, on the redelivery');
      const history = broker.state('orders').history.filter((event) => event.messageId === id).map((event) => event.type === 'nacked' ? `nacked ${event.delayMs}` : event.type);
      assert.deepEqual(history, ['published', 'delivered', 'nacked 5', 'delivered', 'acked']);
      const state = broker.state('orders');
      assert.equal(state.ready + state.unacked + state.delayed, 0);
      assert.equal(errors.length, 1, 'one error event');
      assert.equal(errors[0].message, 'a defect that is not an Error');
      assert.equal(logger.mentioning('unexpected processing failure (the message is released for redelivery): a defect that is not an Error').length, 1);
    } finally {
      client.close();
      await app.close();
    }
  });
});
