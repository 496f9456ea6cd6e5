"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckPolicy = exports.ACK_POLICY_NAMES = exports.AckPolicyValues = void 0;
exports.assertAckPolicy = assertAckPolicy;
const constants_1 = require("@nestjs/microservices/constants");
const metadata_keys_1 = require("./metadata-keys");
/**
 * The five acknowledgement policies. `DO_NOTHING` is an alias of `MANUAL`
 * kept for users coming from older docs.
 */
exports.AckPolicyValues = {
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
};
/** Every accepted policy value, for validating options. */
exports.ACK_POLICY_NAMES = ['ACK_FIRST', 'ACK', 'REJECT_ON_ERROR', 'NACK_ON_ERROR', 'MANUAL'];
function assertAckPolicy(value, optionName) {
    if (!exports.ACK_POLICY_NAMES.includes(value)) {
        throw new Error(`nestjs-ack: invalid ${optionName} ${JSON.stringify(value)}; allowed: ${exports.ACK_POLICY_NAMES.join(', ')}`);
    }
}
function mergeExtras(handler, patch) {
    const extras = Reflect.getMetadata(constants_1.PATTERN_EXTRAS_METADATA, handler) ?? {};
    const ack = { ...extras[metadata_keys_1.ACK_EXTRAS_KEY], ...patch };
    Reflect.defineMetadata(constants_1.PATTERN_EXTRAS_METADATA, { ...extras, [metadata_keys_1.ACK_EXTRAS_KEY]: ack }, handler);
}
function decorateControllerHandlers(target, policy) {
    let proto = target.prototype;
    while (proto && proto !== Object.prototype) {
        for (const key of Object.getOwnPropertyNames(proto)) {
            const member = Object.getOwnPropertyDescriptor(proto, key)?.value;
            if (typeof member === 'function' && Reflect.hasMetadata(constants_1.PATTERN_HANDLER_METADATA, member)) {
                mergeExtras(member, { controller: policy });
            }
        }
        proto = Object.getPrototypeOf(proto);
    }
}
function ackPolicyDecorator(policy, options = {}) {
    assertAckPolicy(policy, '@AckPolicy() value');
    return (target, _key, descriptor) => {
        if (descriptor) {
            // Method level: metadata for interceptors, extras for the transport.
            const method = descriptor.value;
            Reflect.defineMetadata(metadata_keys_1.ACK_POLICY_METADATA, policy, method);
            mergeExtras(method, { method: policy, retry: options.retry });
            return descriptor;
        }
        Reflect.defineMetadata(metadata_keys_1.ACK_POLICY_METADATA, policy, target);
        decorateControllerHandlers(target, policy);
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
exports.AckPolicy = Object.assign(ackPolicyDecorator, exports.AckPolicyValues);
//# sourceMappingURL=ack-policy.js.map