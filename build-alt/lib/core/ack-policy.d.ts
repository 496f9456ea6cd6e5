import type { RetryOptions } from './retry-options';
/**
 * The five acknowledgement policies. `DO_NOTHING` is an alias of `MANUAL`
 * kept for users coming from older docs.
 */
export declare const AckPolicyValues: {
    /** Ack before the handler runs: at-most-once. */
    readonly ACK_FIRST: 'ACK_FIRST';
    /** Ack after the handler, whether it completed or failed. */
    readonly ACK: 'ACK';
    /** Ack on success; reject (dead-letter) on failure. The library default. */
    readonly REJECT_ON_ERROR: 'REJECT_ON_ERROR';
    /** Ack on success; nack (redeliver, with retry rules) on failure. */
    readonly NACK_ON_ERROR: 'NACK_ON_ERROR';
    /** The handler settles through the context or control exceptions. */
    readonly MANUAL: 'MANUAL';
    /** Alias of `MANUAL`. */
    readonly DO_NOTHING: 'MANUAL';
};
export type AckPolicy = (typeof AckPolicyValues)[keyof typeof AckPolicyValues];
/** Every accepted policy value, for validating options. */
export declare const ACK_POLICY_NAMES: readonly AckPolicy[];
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
export declare function assertAckPolicy(value: unknown, optionName: string): asserts value is AckPolicy;
declare function ackPolicyDecorator(policy: AckPolicy, options?: AckPolicyOptions): <T>(target: object | Function, _key?: string | symbol, descriptor?: TypedPropertyDescriptor<T>) => any;
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
export declare const AckPolicy: typeof ackPolicyDecorator & typeof AckPolicyValues;
export {};
