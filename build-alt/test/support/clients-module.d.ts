import { type DynamicModule } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
/** The client's injection token in the ClientsModule tests. */
export declare const ORDERS: unique symbol;
/** A module exporting `value` as `ORDERS_CONFIG`, for `registerAsync({ imports, inject: ['ORDERS_CONFIG'] })`. */
export declare function ordersConfig<T>(value: T): DynamicModule;
/**
 * Emits through the ClientProxy Nest injected from `clients` (registered as
 * `ORDERS`), then closes the app; asserts Nest built `clientClass` and that
 * the app's close closed the client (`unwrap()` gives nothing after close).
 */
export declare function emitThroughClientsModule(clients: DynamicModule, clientClass: abstract new (...args: never[]) => ClientProxy, pattern: string, data: unknown): Promise<void>;
