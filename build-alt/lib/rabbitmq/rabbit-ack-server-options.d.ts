import type { AckServerOptions } from '../core/ack-server-options';
import type { RabbitDeadLetterOptions } from './rabbit-dead-letter-options';
import type { ReconnectOptions } from '../core/reconnect';
/** Options of `RabbitAckServer`. */
export interface RabbitAckServerOptions extends AckServerOptions {
    /**
     * Broker URL, or several tried in order at each (re)connect. Add
     * `?heartbeat=10` to detect dead connections faster. Never logged with
     * credentials.
     * @defaultValue 'amqp://guest:guest@127.0.0.1:5672'
     */
    urls?: string | string[];
    /** The queue to consume. Required: start-up fails with a message naming it when missing. @defaultValue none */
    queue: string;
    /**
     * `quorum` (replicated, counts deliveries in `x-delivery-count`) or
     * `classic` (delivery count carried in our own header, see docs/rabbitmq.md).
     * @defaultValue 'quorum'
     */
    queueType?: 'quorum' | 'classic';
    /**
     * Use the existing topology: declare nothing, only check that the queue
     * (and the dead-letter exchange, unless `deadLetter: false`) exist.
     * @defaultValue false
     */
    noAssert?: boolean;
    /** Extra queue arguments (for example `{ 'x-delivery-limit': 50 }`). @defaultValue `{}` */
    queueArguments?: Record<string, unknown>;
    /** Exchange to bind the queue to; declared durable unless `noAssert`. @defaultValue none (default exchange only) */
    exchange?: string;
    /** Type of `exchange`. @defaultValue 'topic' */
    exchangeType?: 'direct' | 'topic' | 'fanout' | 'headers';
    /**
     * Binding keys of the queue on `exchange`.
     * @defaultValue `['#']` for topic, `[queue]` for direct, `['']` for fanout and headers
     */
    routingKeys?: string[];
    /**
     * Unacked deliveries the broker hands this consumer at once (`basic.qos`).
     * Must be at least `concurrency`: the rest buffers the next messages and
     * holds messages waiting for a delayed nack.
     * @defaultValue twice `concurrency`, at least 20
     */
    prefetch?: number;
    /**
     * Dead-letter target, declared by default. `false` turns dead-lettering
     * off: a reject then drops the message (`basic.reject(requeue=false)`).
     * @defaultValue `{ exchange: '<queue>.dlx', queue: '<queue>.dlq', routingKey: '<queue>' }`
     */
    deadLetter?: RabbitDeadLetterOptions | false;
    /** Reconnect backoff after the connection drops. @defaultValue `{ initialDelayMs: 200, maxDelayMs: 10000, multiplier: 2, maxAttempts: Infinity }` */
    reconnect?: ReconnectOptions;
}
