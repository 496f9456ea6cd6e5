import assert from 'node:assert/strict';
import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ClientProxy } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';

/** The client's injection token in the ClientsModule tests. */
export const ORDERS = Symbol('ORDERS');

@Injectable()
class OrdersPublisher {
  constructor(@Inject(ORDERS) readonly client: ClientProxy) {}
}

/** A module exporting `value` as `ORDERS_CONFIG`, for `registerAsync({ imports, inject: ['ORDERS_CONFIG'] })`. */
export function ordersConfig<T>(value: T): DynamicModule {
  return { module: class ConfigModule {}, providers: [{ provide: 'ORDERS_CONFIG', useValue: value }], exports: ['ORDERS_CONFIG'] };
}

/**
 * Emits through the ClientProxy Nest injected from `clients` (registered as
 * `ORDERS`), then closes the app; asserts Nest built `clientClass` and that
 * the app's close closed the client (`unwrap()` gives nothing after close).
 */
export async function emitThroughClientsModule(clients: DynamicModule, clientClass: abstract new (...args: never[]) => ClientProxy, pattern: string, data: unknown): Promise<void> {
  @Module({ imports: [clients], providers: [OrdersPublisher] })
  class AppModule {}
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  let client: ClientProxy | undefined;
  try {
    client = app.get(OrdersPublisher).client;
    assert.ok(client instanceof clientClass, 'Nest built the custom class');
    await lastValueFrom(client.emit(pattern, data)); // each client completes once the broker stored the message
  } finally {
    await app.close();
  }
  assert.equal(client.unwrap(), undefined, 'closing the app closed the client');
}
