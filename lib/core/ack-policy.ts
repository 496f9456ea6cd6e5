import { PATTERN_EXTRAS_METADATA, PATTERN_HANDLER_METADATA } from '@nestjs/microservices/constants';
import type { MessageHandler } from '@nestjs/microservices';
import { InvalidOptionError } from './errors';
import { ACK_EXTRAS_KEY, ACK_POLICY_METADATA } from './metadata-keys';
import { assertKnownKeys, type AllListed, type KeysListed, type OptionKeys } from './known-keys';
import { resolveRetry, type ResolvedRetry } from './retry';
import { RETRY_KEYS, type RetryOptions } from './retry-options';

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

const ACK_POLICY_OPTION_NAMES = ['retry'] as const satisfies readonly (keyof AckPolicyOptions)[];
type _PolicyOptions = AllListed<KeysListed<AckPolicyOptions, typeof ACK_POLICY_OPTION_NAMES>>;
const ACK_POLICY_OPTION_KEYS: OptionKeys = { keys: ACK_POLICY_OPTION_NAMES, nested: { retry: RETRY_KEYS } };

/** What `@AckPolicy()` stores in a handler's pattern extras, read by the transport. */
export interface AckHandlerExtras {
  method?: AckPolicy;
  controller?: AckPolicy;
  retry?: RetryOptions;
}

/** Throws `InvalidOptionError` naming `optionName` unless `value` is one of the policies. */
export function assertAckPolicy(value: unknown, optionName: string): asserts value is AckPolicy {
  if (!ACK_POLICY_NAMES.includes(value as AckPolicy)) throw new InvalidOptionError(optionName, value, ACK_POLICY_NAMES.join(', '));
}

/**
 * Checks the `@AckPolicy()` of every handler when the server starts (policy
 * values, and retry options merged over the server's `retry`), so a wrong one
 * fails `listen()` naming the handler's pattern instead of failing its first
 * delivery. Returns the resolved retry rules of the handlers that have their own.
 */
export function resolveHandlerPolicies(handlers: Iterable<[string, MessageHandler]>, serverRetry: ResolvedRetry): Map<MessageHandler, ResolvedRetry> {
  const retries = new Map<MessageHandler, ResolvedRetry>();
  for (const [pattern, handler] of handlers) {
    const extras: AckHandlerExtras | undefined = handler.extras?.[ACK_EXTRAS_KEY];
    if (!extras) continue;
    const where = `@AckPolicy() of the handler for ${JSON.stringify(pattern)}`;
    try {
      if (extras.method !== undefined) assertAckPolicy(extras.method, '@AckPolicy() value');
      if (extras.controller !== undefined) assertAckPolicy(extras.controller, "the controller's @AckPolicy() value");
      if (extras.retry === undefined) continue;
      assertKnownKeys(extras.retry, RETRY_KEYS, where, 'retry.');
      retries.set(handler, resolveRetry('@AckPolicy() retry', serverRetry, extras.retry));
    } catch (error) {
      // The option's path stays in `option`; the message names the handler too.
      if (error instanceof InvalidOptionError && !error.message.includes(where)) error.message = error.message.replace(/^nestjs-ack: /, `nestjs-ack: the handler for ${JSON.stringify(pattern)}: `);
      throw error;
    }
  }
  return retries;
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
  // Keys now, where the decorator stands; values when the server starts (`resolveHandlerPolicies`), naming the pattern.
  assertKnownKeys(options, ACK_POLICY_OPTION_KEYS, '@AckPolicy()');
  return <T>(target: object | Function, _key?: string | symbol, descriptor?: TypedPropertyDescriptor<T>): any => {
    if (descriptor) {
      // Method level: metadata for interceptors, extras for the transport.
      const method = descriptor.value as object;
      Reflect.defineMetadata(ACK_POLICY_METADATA, policy, method);
      mergeExtras(method, { method: policy, retry: options.retry });
      return descriptor;
    }
    if (options.retry !== undefined) {
      throw new InvalidOptionError(`@AckPolicy() retry on the class ${(target as Function).name}`, 'given', "retry on each method's @AckPolicy() (a controller's @AckPolicy() sets the policy only)");
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
