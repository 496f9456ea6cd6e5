import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Controller, Module, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import { AckModule } from '../../../lib/module';
import { InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';

/** A transport that declares no reply channel, like a table queue. */
class NoReplyServer extends InMemoryAckServer {
  protected override readonly replies = undefined;
}

@Controller()
class RequestController {
  @MessagePattern<string>('orders.get')
  get(): string {
    return 'ok';
  }
}

@Controller()
class EventController {
  @EventPattern<string>('orders.created')
  created(): void {}
}

function capturingLogger(): LoggerService & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, log: () => undefined, error: () => undefined, warn: (message: unknown) => void warnings.push(String(message)), debug: () => undefined, verbose: () => undefined };
}

describe('server start checks', () => {
  it('refuses a @MessagePattern handler on a transport without replies, naming the pattern and what to do', async () => {
    @Module({ imports: [AckModule.forRoot()], controllers: [RequestController] })
    class AppModule {}
    const app = await NestFactory.createMicroservice(AppModule, { strategy: new NoReplyServer({ broker: new InMemoryBroker() }), logger: false });
    await assert.rejects(app.listen(), (error: Error) => {
      assert.equal(error.name, 'RepliesNotSupportedError');
      assert.match(error.message, /NoReplyServer has no reply channel, so it cannot serve @MessagePattern handlers \("orders\.get"\); use @EventPattern/);
      return true;
    });
    await app.close();
  });

  it('starts event handlers on a transport without replies', async () => {
    @Module({ imports: [AckModule.forRoot()], controllers: [EventController] })
    class AppModule {}
    const app = await NestFactory.createMicroservice(AppModule, { strategy: new NoReplyServer({ broker: new InMemoryBroker() }), logger: false });
    await app.listen();
    await app.close();
  });

  it('warns once at start when AckModule is not imported, and not when it is', async () => {
    @Module({ controllers: [EventController] })
    class WithoutModule {}
    const without = capturingLogger();
    const bare = await NestFactory.createMicroservice(WithoutModule, { strategy: new InMemoryAckServer({ broker: new InMemoryBroker() }), logger: without });
    await bare.listen();
    await bare.close();
    assert.equal(without.warnings.filter((w) => w.includes('AckModule is not imported')).length, 1);

    @Module({ imports: [AckModule.forRoot()], controllers: [EventController] })
    class WithModule {}
    const withModule = capturingLogger();
    const app = await NestFactory.createMicroservice(WithModule, { strategy: new InMemoryAckServer({ broker: new InMemoryBroker() }), logger: withModule });
    await app.listen();
    await app.close();
    assert.deepEqual(withModule.warnings.filter((w) => w.includes('AckModule')), []);
  });
});
