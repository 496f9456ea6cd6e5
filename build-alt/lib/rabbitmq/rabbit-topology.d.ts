import type { ChannelModel } from 'amqplib';
import type { RabbitServerSettings } from './rabbit-settings';
/** The arguments the consumed queue is declared with. */
export declare function queueArgumentsOf(settings: RabbitServerSettings): Record<string, unknown>;
/**
 * Declares (or, with `noAssert`, only checks) the queue, its bindings and the
 * dead-letter exchange and queue. Runs on a channel of its own, because a
 * failed declaration closes the channel it ran on.
 */
export declare function declareTopology(model: ChannelModel, settings: RabbitServerSettings): Promise<void>;
