import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern } from '@nestjs/microservices';
import { AckModule, AckPolicy, type HandledEvent, type SettlementEvent } from '../../../lib';
import { InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';
import { CaptureLogger } from '../../support/capture-logger';
import { waitFor } from '../../support/wait-for';

let runs = 0;

@Controller()
class TotalsController {
  @MessagePattern('order.total')
  @AckPolicy('NACK_ON_ERROR', { retry: { maxDeliveries: 4, backoff: { type: 'fixed', initialDelayMs: 1, jitter: 0 } } })
  total(data: { items: number[] }): number {
    runs++;
    return data.items.reduce((sum, item) => sum + item, 0);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [TotalsController] })
class TotalsModule {}

describe('a reply that cannot be published after the handler completed', () => {
  it('acks the message once, runs the handler once, and reports the lost reply (an error event and one log line)', async () => {
    runs = 0;
    const broker = new InMemoryBroker();
    const server = new InMemoryAckServer({ broker, queue: 'totals' });
    const logger = new CaptureLogger();
    const app = await NestFactory.createMicroservice(TotalsModule, { strategy: server, logger });
    const errors: Error[] = [];
    const settled: SettlementEvent[] = [];
    const handled: HandledEvent[] = [];
    server.on('error', (error) => errors.push(error));
    server.on('settled', (event) => settled.push(event));
    server.on('handled', (event) => handled.push(event));
    try {
      await app.listen();
      // An accepted reply address whose listener is gone (the caller timed out and left): the reply publish throws.
      broker.publish('totals', Buffer.from(JSON.stringify({ pattern: 'order.total', data: { items: [1, 2] }, id: 'c-1' })), { replyTo: 'reply.gone', correlationId: 'c-1' });
      await waitFor(() => settled.length === 1 && handled.length === 1);
      assert.equal(runs, 1, 'the handler ran once: its side effects are not repeated for a lost reply');
      assert.equal(settled[0].settlement.kind, 'ack');
      assert.equal(handled[0].outcome, 'completed');
      const state = broker.state('totals');
      assert.equal(state.ready + state.unacked + state.delayed, 0, 'nothing left to redeliver');
      assert.equal(state.deadLetters.length, 0);
      assert.equal(errors.length, 1, 'one error event');
      assert.match(errors[0].message, /no reply listener/);
      assert.equal(logger.mentioning('was lost').length, 1, 'one log line says the reply was lost');
    } finally {
      await app.close();
    }
  });
});
