import type { ConsumerDeserializer, ConsumerSerializer } from '@nestjs/microservices';
import type { AckPolicy } from './ack-policy';
import type { RetryOptions } from './retry-options';
/** Options every nestjs-ack server takes; each broker's options extend these. */
export interface AckServerOptions {
    /** Policy of handlers without `@AckPolicy()`. @defaultValue 'REJECT_ON_ERROR' */
    defaultPolicy?: AckPolicy;
    /** Retry rules for nacks; handlers override them with `@AckPolicy(policy, { retry })`. */
    retry?: RetryOptions;
    /** Handlers running at once on this server. @defaultValue 10 */
    concurrency?: number;
    /** How long `close()` lets in-flight handlers finish before leaving them unsettled. @defaultValue 10000 */
    shutdownTimeoutMs?: number;
    /**
     * Largest body handed to a decoder, in bytes. A bigger one is dead-lettered with reason
     * `deserialization` without being parsed. `Infinity` turns the check off.
     * @defaultValue 16777216 (16 MiB)
     */
    maxBodyBytes?: number;
    /** Logs every settlement at `log` level (pattern, source, decision; never the body). @defaultValue false */
    logSettlements?: boolean;
    /** Turns replies into what is published. @defaultValue Nest's identity serializer, then JSON */
    serializer?: ConsumerSerializer;
    /** Turns a decoded JSON body into `{ pattern, data, id }`. @defaultValue Nest's incoming request deserializer */
    deserializer?: ConsumerDeserializer;
}
