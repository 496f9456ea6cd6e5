import { AsyncLocalStorage } from 'node:async_hooks';
import type { AckControlException } from './ack-control.exception';

/**
 * Per-delivery async scope. Nest's default RPC exception filter replaces any
 * exception by a plain `{ status, message }` object, so a control exception
 * records itself here when it is created inside a handler: the transport can
 * still honour it after the class was erased.
 */
export interface DeliveryScope {
  lastControl?: AckControlException;
  /** The original error, recorded by AckModule's interceptor before a filter replaces it. */
  lastError?: unknown;
}

const storage = new AsyncLocalStorage<DeliveryScope>();

export function runInDeliveryScope<T>(scope: DeliveryScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentDeliveryScope(): DeliveryScope | undefined {
  return storage.getStore();
}
