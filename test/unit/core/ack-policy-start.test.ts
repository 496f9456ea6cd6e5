import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import { AckModule, AckPolicy, InvalidOptionError } from '../../../lib';
import { InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';

let runs = 0;

@Controller()
class WrongJitterController {
  @AckPolicy(AckPolicy.NACK_ON_ERROR, { retry: { backoff: { jitter: 2 } } })
  @EventPattern('orders.created')
  created(): void {
    runs++;
    throw new Error('fails, so the retry options would be read');
  }
}

@Controller()
class WrongDeliveriesController {
  @EventPattern('orders.paid')
  @AckPolicy(AckPolicy.NACK_ON_ERROR, { retry: { maxDeliveries: 0 } })
  paid(): void {}
}

async function startWith(controller: Function, broker: InMemoryBroker) {
  @Module({ imports: [AckModule.forRoot()], controllers: [controller as never] })
  class AppModule {}
  return NestFactory.createMicroservice(AppModule, { strategy: new InMemoryAckServer({ broker, queue: 'orders' }), logger: false });
}

describe('@AckPolicy() options are checked when the server starts', () => {
  it('a wrong retry.backoff.jitter fails listen() naming the handler and the option; no message is taken', async () => {
    runs = 0;
    const broker = new InMemoryBroker();
    broker.publish('orders', Buffer.from(JSON.stringify({ pattern: 'orders.created', data: {} })));
    const app = await startWith(WrongJitterController, broker);
    try {
      await assert.rejects(app.listen(), (error: unknown) => {
        assert.ok(error instanceof InvalidOptionError, String(error));
        assert.equal(error.option, '@AckPolicy() retry.backoff.jitter');
        assert.equal(error.message, 'nestjs-ack: the handler for "orders.created": invalid @AckPolicy() retry.backoff.jitter 2; allowed: a number from 0 to 1');
        return true;
      });
      const state = broker.state('orders');
      assert.equal(state.ready, 1, 'the message waits for a server that starts');
      assert.equal(state.unacked, 0);
      assert.equal(runs, 0);
    } finally {
      await app.close();
    }
  });

  it('whichever order the decorators stand in', async () => {
    const app = await startWith(WrongDeliveriesController, new InMemoryBroker());
    try {
      await assert.rejects(app.listen(), (error: unknown) => error instanceof InvalidOptionError && error.option === '@AckPolicy() retry.maxDeliveries' && error.message.includes('"orders.paid"'));
    } finally {
      await app.close();
    }
  });

  it('an unknown key fails where the decorator stands, with a suggestion', () => {
    assert.throws(() => AckPolicy(AckPolicy.NACK_ON_ERROR, { maxDeliveries: 3 } as never), (error: unknown) =>
      error instanceof InvalidOptionError && error.option === 'maxDeliveries' && /unknown option maxDeliveries of @AckPolicy\(\); known: retry$/.test(error.message));
    assert.throws(() => AckPolicy(AckPolicy.NACK_ON_ERROR, { retry: { backoff: { intialDelayMs: 5 } } } as never), (error: unknown) =>
      error instanceof InvalidOptionError && error.option === 'retry.backoff.intialDelayMs' && /did you mean retry\.backoff\.initialDelayMs\?$/.test(error.message));
  });

  it('a wrong policy value is an InvalidOptionError', () => {
    assert.throws(() => AckPolicy('NACK_LATER' as never), (error: unknown) =>
      error instanceof InvalidOptionError && error.option === '@AckPolicy() value' && /allowed: ACK_FIRST, ACK, REJECT_ON_ERROR, NACK_ON_ERROR, MANUAL$/.test(error.message));
  });

  it('retry on a controller is refused: it is per handler', () => {
    assert.throws(() => {
      @AckPolicy(AckPolicy.NACK_ON_ERROR, { retry: { maxDeliveries: 3 } })
      @Controller()
      class OrdersController {}
      return OrdersController;
    }, (error: unknown) => error instanceof InvalidOptionError && error.option === '@AckPolicy() retry on the class OrdersController');
  });
});
