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
   * Largest message accepted, in bytes: body and headers together (and, where the
   * transport has them, reply fields). A bigger one is dead-lettered with reason
   * `deserialization` without being decoded; each transport checks it as early as
   * its driver lets it (see its page). `Infinity` turns the check off.
   * @defaultValue 16777216 (16 MiB)
   */
  maxMessageBytes?: number;
  /**
   * @deprecated the older name of `maxMessageBytes` (which now counts the headers too); used when
   * `maxMessageBytes` is not given.
   * @defaultValue undefined
   */
  maxBodyBytes?: number;
  /**
   * How long `listen()` keeps trying to reach a broker that does not answer: attempts
   * with the reconnect backoff, each logged at `warn`, then `listen()` rejects with
   * `BrokerUnavailableError`. A broker that answers with a refusal (`BrokerConfigurationError`)
   * fails the start at once. `Infinity` waits for the broker forever.
   * @defaultValue 30000
   */
  startTimeoutMs?: number;
  /**
   * Names this server in its logs: the logger context becomes `<Class>:<name>`
   * (`RabbitAckServer:orders`), so two servers of one app can be told apart.
   * @defaultValue undefined (the class name alone)
   */
  name?: string;
  /** Logs every settlement at `log` level (pattern, source, decision; never the body). @defaultValue false */
  logSettlements?: boolean;
  /** Turns replies into what is published. @defaultValue Nest's identity serializer, then JSON */
  serializer?: ConsumerSerializer;
  /** Turns a decoded JSON body into `{ pattern, data, id }`. @defaultValue Nest's incoming request deserializer */
  deserializer?: ConsumerDeserializer;
}
