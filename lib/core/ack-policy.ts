import { PATTERN_EXTRAS_METADATA, PATTERN_HANDLER_METADATA } from '@nestjs/microservices/constants';
import { ACK_EXTRAS_KEY, ACK_POLICY_METADATA } from './metadata-keys';
import type { RetryOptions } from './retry-options';

/**
 * The five acknowledgement policies. `DO_NOTHING` is an alias of `MANUAL`
 * kept for users coming from older docs.
 */
export const AckPolicyValues = {
  /** Ack before the handler runs: at-most-once. */
  ACK_FIRST: 'ACK_FIRST',
  /** Ack after the handler, whether it completed or failed. */
  ACK: 'ACK',
  /** Ack on success; reject (dead-letter) on failure. The library default. */
  REJECT_ON_ERROR: 'REJECT_ON_ERROR',
  /** Ack on success; nack (redeliver, with retry rules) on failure. */
  NACK_ON_ERROR: 'NACK_ON_ERROR',
  /** The handler settles through the context or control exceptions. */
  MANUAL: 'MANUAL',
  /** Alias of `MANUAL`. */
  DO_NOTHING: 'MANUAL',
} as const;

export type AckPolicy = (typeof AckPolicyValues)[keyof typeof AckPolicyValues];

/** Every accepted policy value, for validating options. */
export const ACK_POLICY_NAMES: readonly AckPolicy[] = ['ACK_FIRST', 'ACK', 'REJECT_ON_ERROR', 'NACK_ON_ERROR', 'MANUAL'];

/** Per-handler options given next to the policy. */
export interface AckPolicyOptions {
  /** Retry rules for this handler; overrides the server's `retry`. */
  retry?: RetryOptions;
}

/** What `@AckPolicy()` stores in a handler's pattern extras, read by the transport. */
export interface AckHandlerExtras {
  method?: AckPolicy;
  controller?: AckPolicy;
  retry?: RetryOptions;
}


export function assertAckPolicy(value: unknown, optionName: string): asserts value is AckPolicy {
  if (!ACK_POLICY_NAMES.includes(value as AckPolicy)) {
    throw new Error(
      `nestjs-ack: invalid ${optionName} ${JSON.stringify(value)}; allowed: ${ACK_POLICY_NAMES.join(', ')}`,
    );
  }
}

function mergeExtras(handler: object, patch: AckHandlerExtras): void {
  const extras = Reflect.getMetadata(PATTERN_EXTRAS_METADATA, handler) ?? {};
  const ack: AckHandlerExtras = { ...extras[ACK_EXTRAS_KEY], ...patch };
  Reflect.defineMetadata(PATTERN_EXTRAS_METADATA, { ...extras, [ACK_EXTRAS_KEY]: ack }, handler);
}

function decorateControllerHandlers(target: Function, policy: AckPolicy): void {
  let proto = target.prototype;
  while (proto && proto !== Object.prototype) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const member = Object.getOwnPropertyDescriptor(proto, key)?.value;
      if (typeof member === 'function' && Reflect.hasMetadata(PATTERN_HANDLER_METADATA, member)) {
        mergeExtras(member, { controller: policy });
      }
    }
    proto = Object.getPrototypeOf(proto);
  }
}

function ackPolicyDecorator(policy: AckPolicy, options: AckPolicyOptions = {}) {
  assertAckPolicy(policy, '@AckPolicy() value');
  return <T>(target: object | Function, _key?: string | symbol, descriptor?: TypedPropertyDescriptor<T>): any => {
    if (descriptor) {
      // Method level: metadata for interceptors, extras for the transport.
      const method = descriptor.value as object;
      Reflect.defineMetadata(ACK_POLICY_METADATA, policy, method);
      mergeExtras(method, { method: policy, retry: options.retry });
      return descriptor;
    }
    Reflect.defineMetadata(ACK_POLICY_METADATA, policy, target);
    decorateControllerHandlers(target as Function, policy);
    return target;
  };
}

/**
 * Sets the acknowledgement policy of a handler (method) or of every handler
 * of a controller (class). The method's policy wins over the controller's;
 * both win over the server's `defaultPolicy`, which wins over the library
 * default `REJECT_ON_ERROR`.
 *
 * Interceptors read it with `reflector.getAllAndOverride(ACK_POLICY_METADATA, [handler, class])`.
 *
 * @example
 * ```ts
 * @AckPolicy(AckPolicy.NACK_ON_ERROR, { retry: { maxDeliveries: 3 } })
 * @EventPattern('orders.created')
 * handle(@Payload() order: Order) {}
 * ```
 */
export const AckPolicy: typeof ackPolicyDecorator & typeof AckPolicyValues = Object.assign(
  ackPolicyDecorator,
  AckPolicyValues,
);
