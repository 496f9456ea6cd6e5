import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Catch, Controller, Module, type ArgumentsHost, type DynamicModule, type INestMicroservice } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { BaseRpcExceptionFilter, EventPattern } from '@nestjs/microservices';
import { InvalidOptionError, RejectMessage, type DeadLetterRecord } from '../../../lib/core';
import { AckModule, type AckModuleOptions } from '../../../lib/module';
import { loadRpcExceptionsHandler } from '../../../lib/module/rpc-exceptions-handler-loader';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';
import { uniqueName } from '../../support/names';
import { waitFor } from '../../support/wait-for';

// AckModule's options on a real Nest app and the in-memory transport: recordThrownErrors (on by default, off
// leaves Nest's RpcExceptionsHandler untouched, and closing the app puts Nest's method back), globalFilter:
// false (no APP_FILTER: the application's own global filters meet control exceptions as Nest would give them),
// and the check of the options' names and values.

const handlerPrototype = (loadRpcExceptionsHandler() as { prototype: { handle: unknown } }).prototype;
/** Nest's own `handle`: importing the package patches nothing, only a started AckModule does. */
const nestHandle = handlerPrototype.handle;

/** An application catch-all registered as APP_FILTER before AckModule's: the names of what it saw. */
@Catch()
class SeenByAppFilter extends BaseRpcExceptionFilter {
  static seen: string[] = [];

  override catch(exception: unknown, host: ArgumentsHost) {
    SeenByAppFilter.seen.push((exception as Error).constructor.name);
    return super.catch(exception, host); // an error, with the control command kept
  }
}

@Controller()
class OrdersController {
  @EventPattern('order.failed')
  failed(): void {
    throw new TypeError('no items');
  }

  @EventPattern('order.rejected')
  rejected(): void {
    throw new RejectMessage({ reason: 'duplicate' });
  }
}

function appModule(ackModule: DynamicModule, withAppFilter = false) {
  @Module({
    imports: [ackModule],
    controllers: [OrdersController],
    providers: withAppFilter ? [{ provide: APP_FILTER, useClass: SeenByAppFilter }] : [],
  })
  class AppModule {}
  return AppModule;
}

interface App {
  broker: InMemoryBroker;
  queue: string;
  client: InMemoryAckClient;
  app: INestMicroservice;
  close(): Promise<void>;
}

async function start(module: unknown): Promise<App> {
  const broker = new InMemoryBroker();
  const queue = uniqueName('orders');
  const app = await NestFactory.createMicroservice(module as never, { strategy: new InMemoryAckServer({ broker, queue }), logger: false });
  await app.listen();
  const client = new InMemoryAckClient({ broker, queue });
  return { broker, queue, client, app, close: async () => (client.close(), await app.close()) };
}

async function deadLetterOf(target: App, pattern: string): Promise<DeadLetterRecord> {
  target.client.emitAndGetId(pattern, { id: 1 });
  const letters = () => target.broker.state(target.queue).deadLetters;
  await waitFor(() => letters().length > 0, { message: `the dead letter of "${pattern}"` });
  return letters()[0];
}

const errorOf = (letter: DeadLetterRecord) => [letter.reason, letter.errorName, letter.errorMessage];

describe('AckModule option recordThrownErrors', () => {
  it('importing the package patches nothing: Nest\'s handle until an AckModule starts', () => {
    assert.equal((nestHandle as Record<symbol, unknown>)[Symbol.for('nestjs-ack.thrown-error-recorder')], undefined);
  });

  for (const [how, module] of [
    ['forRoot()', () => AckModule.forRoot()],
    ['forRootAsync()', () => AckModule.forRootAsync({ useFactory: async () => ({}) })],
  ] as const) {
    it(`on by default (${how}): the dead letter keeps the handler's own error; closing the app puts Nest's handle back`, async () => {
      const target = await start(appModule(module()));
      try {
        assert.notEqual(handlerPrototype.handle, nestHandle, 'wrapped while the module lives');
        assert.deepEqual(errorOf(await deadLetterOf(target, 'order.failed')), ['handler-error', 'TypeError', 'no items']);
      } finally {
        await target.close();
      }
      assert.equal(handlerPrototype.handle, nestHandle, 'Nest\'s own handle after close');
    });
  }

  for (const [how, module] of [
    ['forRoot()', () => AckModule.forRoot({ recordThrownErrors: false })],
    ['forRootAsync()', () => AckModule.forRootAsync({ useFactory: () => ({ recordThrownErrors: false }) })],
  ] as const) {
    it(`off (${how}): Nest's handle untouched, the dead letter shows what Nest's default filter made of the error`, async () => {
      const target = await start(appModule(module()));
      try {
        assert.equal(handlerPrototype.handle, nestHandle);
        assert.deepEqual(errorOf(await deadLetterOf(target, 'order.failed')), ['handler-error', 'Error', 'Internal server error']);
      } finally {
        await target.close();
      }
      assert.equal(handlerPrototype.handle, nestHandle);
    });
  }

  it('two apps in one process: the recording stays until the last one closes', async () => {
    const first = await start(appModule(AckModule.forRoot()));
    const second = await start(appModule(AckModule.forRoot()));
    try {
      await first.close();
      assert.notEqual(handlerPrototype.handle, nestHandle, 'still wrapped for the second app');
      assert.deepEqual(errorOf(await deadLetterOf(second, 'order.failed')), ['handler-error', 'TypeError', 'no items']);
    } finally {
      await second.close();
    }
    assert.equal(handlerPrototype.handle, nestHandle);
  });
});

describe('AckModule option globalFilter: false', () => {
  it('lists no APP_FILTER in forRoot()', () => {
    const tokens = (AckModule.forRoot({ globalFilter: false }).providers ?? []).map((provider) => (provider as { provide?: unknown }).provide);
    assert.equal(tokens.includes(APP_FILTER), false);
    assert.equal((AckModule.forRoot().providers ?? []).some((provider) => (provider as { provide?: unknown }).provide === APP_FILTER), true);
  });

  for (const [how, module] of [
    ['forRoot()', () => AckModule.forRoot({ globalFilter: false })],
    ['forRootAsync()', () => AckModule.forRootAsync({ useFactory: () => ({ globalFilter: false }) })],
  ] as const) {
    it(`${how}: the application's own catch-all APP_FILTER meets the control exception, which still settles`, async () => {
      SeenByAppFilter.seen = [];
      const target = await start(appModule(module(), true));
      try {
        const letter = await deadLetterOf(target, 'order.rejected');
        assert.equal(letter.reason, 'duplicate');
        assert.deepEqual(SeenByAppFilter.seen, ['RejectMessage']);
      } finally {
        await target.close();
      }
    });
  }

  it('by default AckExceptionFilter takes control exceptions first, as before', async () => {
    SeenByAppFilter.seen = [];
    const target = await start(appModule(AckModule.forRoot(), true));
    try {
      assert.equal((await deadLetterOf(target, 'order.rejected')).reason, 'duplicate');
      assert.deepEqual(SeenByAppFilter.seen, []);
    } finally {
      await target.close();
    }
  });
});

describe('AckModule options are checked', () => {
  it('a misspelt name fails at forRoot() with the closest known name', () => {
    assert.throws(() => AckModule.forRoot({ recordThrownError: false } as AckModuleOptions), (error: unknown) => {
      assert.ok(error instanceof InvalidOptionError);
      assert.equal(error.option, 'recordThrownError');
      assert.match(error.message, /unknown option recordThrownError of AckModule; did you mean recordThrownErrors\?/);
      return true;
    });
    assert.throws(() => AckModule.forRoot({ globalFilters: false } as AckModuleOptions), /did you mean globalFilter\?/);
  });

  it('a value that is not a boolean fails at forRoot()', () => {
    assert.throws(() => AckModule.forRoot({ recordThrownErrors: 'no' as never }), (error: unknown) => error instanceof InvalidOptionError && error.option === 'recordThrownErrors');
  });

  it('forRootAsync() checks what its factory gives, when the app starts', async () => {
    const module = appModule(AckModule.forRootAsync({ useFactory: () => ({ recordThrownErors: false }) as AckModuleOptions }));
    const broker = new InMemoryBroker();
    await assert.rejects(
      NestFactory.createMicroservice(module, { strategy: new InMemoryAckServer({ broker, queue: uniqueName('orders') }), logger: false, abortOnError: false }),
      (error: unknown) => error instanceof InvalidOptionError && /did you mean recordThrownErrors\?/.test(error.message),
    );
  });
});
