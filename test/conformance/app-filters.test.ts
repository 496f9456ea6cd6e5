import 'reflect-metadata';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { Catch, Controller, Get, HttpException, Module, type ArgumentsHost, type ExceptionFilter, type INestApplication, type INestMicroservice } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import { lastValueFrom, throwError } from 'rxjs';
import { AckPolicy } from '../../lib/core';
import { AckModule } from '../../lib/module';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../lib/testing';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';

/**
 * `AckModule` keeps a failed handler's own error for logs and dead letters
 * without standing in the way of the application's exception filters: the
 * application's global filters still answer their exception types, on RPC
 * handlers and on the HTTP routes of a hybrid application, wherever they are
 * registered (an `APP_FILTER` of the application module is registered before
 * `AckModule`'s filters, so Nest consults it after them).
 */

class OrderRefused extends Error {
  override readonly name = 'OrderRefused';
}

/** An application's own global filter for its own exception type, on RPC handlers and HTTP routes. */
@Catch(OrderRefused)
class OrderRefusedFilter implements ExceptionFilter {
  static calls = 0;

  catch(exception: OrderRefused, host: ArgumentsHost) {
    OrderRefusedFilter.calls++;
    if (host.getType() === 'http') {
      host.switchToHttp().getResponse().status(409).json({ refused: exception.message });
      return;
    }
    return throwError(() => ({ status: 'error', message: `app filter: ${exception.message}` }));
  }
}

/** An application's own catch-all filter, given with `useGlobalFilters()`. */
@Catch()
class AnswerEverythingFilter implements ExceptionFilter {
  catch(exception: unknown) {
    return throwError(() => ({ status: 'error', message: `catch-all: ${(exception as Error).message}` }));
  }
}

function patterns() {
  return { refuse: uniqueName('refuse'), fail: uniqueName('fail'), event: uniqueName('event') };
}

function orderController(names: ReturnType<typeof patterns>) {
  @Controller()
  @AckPolicy(AckPolicy.REJECT_ON_ERROR)
  class OrderController {
    @MessagePattern(names.refuse)
    refuse(): never {
      throw new OrderRefused('order 7 refused');
    }

    @MessagePattern(names.fail)
    fail(): never {
      throw new Error('plain failure on purpose');
    }

    @EventPattern(names.event)
    event(): never {
      throw new OrderRefused('event order 8 refused');
    }

    @Get('/refuse')
    refuseHttp(): never {
      throw new OrderRefused('http order 9 refused');
    }

    @Get('/boom')
    boomHttp(): never {
      throw new Error('http failure on purpose');
    }

    @Get('/teapot')
    teapotHttp(): never {
      throw new HttpException('short and stout', 418);
    }
  }
  return OrderController;
}

/** The application module: its own `APP_FILTER` (registered before `AckModule`'s), then `AckModule`. */
function appModule(names: ReturnType<typeof patterns>, withAppFilter = true) {
  @Module({
    imports: [AckModule.forRoot()],
    controllers: [orderController(names)],
    providers: withAppFilter ? [{ provide: APP_FILTER, useClass: OrderRefusedFilter }] : [],
  })
  class AppModule {}
  return AppModule;
}

interface Target {
  broker: InMemoryBroker;
  queue: string;
  client: InMemoryAckClient;
  close(): Promise<void>;
}

function transport(): { broker: InMemoryBroker; queue: string; server: InMemoryAckServer } {
  const broker = new InMemoryBroker();
  const queue = uniqueName('queue');
  return { broker, queue, server: new InMemoryAckServer({ broker, queue }) };
}

async function microservice(module: unknown, globalFilters: ExceptionFilter[] = []): Promise<Target> {
  const { broker, queue, server } = transport();
  const app: INestMicroservice = await NestFactory.createMicroservice(module as never, { strategy: server, logger: false });
  if (globalFilters.length > 0) app.useGlobalFilters(...globalFilters);
  await app.listen();
  const client = new InMemoryAckClient({ broker, queue });
  return { broker, queue, client, close: async () => (client.close(), await app.close()) };
}

async function replyError(target: Target, pattern: string): Promise<unknown> {
  try {
    await lastValueFrom(target.client.send(pattern, { id: 1 }));
  } catch (error) {
    return error;
  }
  assert.fail(`"${pattern}" answered with a value`);
}

async function deadLetterOf(target: Target, count: number) {
  await waitFor(() => target.broker.state(target.queue).deadLetters.length >= count, { message: `${count} dead letter(s)` });
  return target.broker.state(target.queue).deadLetters;
}

describe('AckModule and the application\'s own exception filters', () => {
  it('an APP_FILTER of the application module answers its exception type; the dead letter keeps the error as thrown', async () => {
    const names = patterns();
    const target = await microservice(appModule(names));
    try {
      const before = OrderRefusedFilter.calls;
      assert.deepEqual(await replyError(target, names.refuse), { status: 'error', message: 'app filter: order 7 refused' });
      assert.equal(OrderRefusedFilter.calls, before + 1, 'the application filter ran once');
      const [record] = await deadLetterOf(target, 1);
      assert.equal(record.reason, 'handler-error');
      assert.equal(record.errorName, 'OrderRefused');
      assert.match(record.errorMessage ?? '', /order 7 refused/);
      // Another error type gets Nest's default answer, and its own message in the dead letter.
      assert.deepEqual(await replyError(target, names.fail), { status: 'error', message: 'Internal server error' });
      const records = await deadLetterOf(target, 2);
      assert.match(records[1].errorMessage ?? '', /plain failure on purpose/);
      assert.equal(target.broker.state(target.queue).ready + target.broker.state(target.queue).unacked, 0);
    } finally {
      await target.close();
    }
  });

  it('a catch-all filter given with useGlobalFilters() answers every plain error', async () => {
    const names = patterns();
    const target = await microservice(appModule(names, false), [new AnswerEverythingFilter()]);
    try {
      assert.deepEqual(await replyError(target, names.fail), { status: 'error', message: 'catch-all: plain failure on purpose' });
      const [record] = await deadLetterOf(target, 1);
      assert.match(record.errorMessage ?? '', /plain failure on purpose/);
    } finally {
      await target.close();
    }
  });

  for (const inheritAppConfig of [true, false]) {
    it(`a hybrid HTTP application (inheritAppConfig: ${inheritAppConfig}): HTTP errors get the application's and Nest's answers, RPC errors are recorded`, async () => {
      const names = patterns();
      const { broker, queue, server } = transport();
      const app: INestApplication = await NestFactory.create(appModule(names), { logger: false });
      app.connectMicroservice({ strategy: server }, { inheritAppConfig });
      await app.startAllMicroservices();
      await app.listen(0, '127.0.0.1');
      const client = new InMemoryAckClient({ broker, queue });
      try {
        const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
        const refused = await fetch(`${base}/refuse`);
        assert.equal(refused.status, 409);
        assert.deepEqual(await refused.json(), { refused: 'http order 9 refused' });
        const boom = await fetch(`${base}/boom`);
        assert.equal(boom.status, 500);
        assert.deepEqual(await boom.json(), { statusCode: 500, message: 'Internal server error' });
        const teapot = await fetch(`${base}/teapot`);
        assert.equal(teapot.status, 418);
        assert.deepEqual(await teapot.json(), { statusCode: 418, message: 'short and stout' });

        await lastValueFrom(client.emit(names.event, { id: 2 }), { defaultValue: undefined });
        await waitFor(() => broker.state(queue).deadLetters.length >= 1, { message: 'the event dead-lettered' });
        const [record] = broker.state(queue).deadLetters;
        assert.equal(record.errorName, 'OrderRefused');
        assert.match(record.errorMessage ?? '', /event order 8 refused/);
      } finally {
        client.close();
        await app.close();
      }
    });
  }
});
