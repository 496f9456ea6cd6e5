import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { AckModule } from '../../../lib';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';
import { CaptureLogger } from '../../support/capture-logger';
import { waitFor } from '../../support/wait-for';

let totals = 0;

@Controller()
class TotalsController {
  @MessagePattern('order.total')
  total(data: { items: number[] }): number {
    totals++;
    return data.items.reduce((sum, item) => sum + item, 0);
  }

  @EventPattern('order.placed')
  placed(): void {}
}

@Module({ imports: [AckModule.forRoot()], controllers: [TotalsController] })
class TotalsModule {}

const WARNING = 'an event reached the request handler for "order.total"; handled, no reply';

describe('an event (emit(), no id) reaching a @MessagePattern handler', () => {
  it('is handled and acked, with one warning per pattern; requests and events to event handlers do not warn', async () => {
    totals = 0;
    const broker = new InMemoryBroker();
    const logger = new CaptureLogger();
    const app = await NestFactory.createMicroservice(TotalsModule, { strategy: new InMemoryAckServer({ broker, queue: 'totals' }), logger });
    const client = new InMemoryAckClient({ broker, queue: 'totals' });
    try {
      await app.listen();
      assert.equal(await lastValueFrom(client.send('order.total', { items: [1, 2] })), 3);
      await lastValueFrom(client.emit('order.placed', {}));
      assert.equal(logger.mentioning('an event reached').length, 0, 'no warning for a request, nor for an event to an event handler');
      await lastValueFrom(client.emit('order.total', { items: [1] }));
      await lastValueFrom(client.emit('order.total', { items: [2] }));
      await waitFor(() => broker.state('totals').history.filter((event) => event.type === 'acked').length === 4, { message: 'four messages acked' });
      assert.equal(totals, 3, 'both events ran the handler');
      const warnings = logger.mentioning('an event reached');
      assert.equal(warnings.length, 1, 'one warning for the pattern');
      assert.equal(warnings[0].level, 'warn');
      assert.equal(warnings[0].text.split('\n')[0], WARNING);
    } finally {
      client.close();
      await app.close();
    }
  });
});
