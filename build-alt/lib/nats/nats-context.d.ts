import type { DeliveryInfo } from '@nats-io/jetstream';
import { AckContext } from '../core/ack-context';
import type { NatsMessage } from './nats-message';
/** The context of `NatsAckServer` handlers: the common one plus JetStream's facts (read-only; settle through the context). */
export declare class NatsAckContext extends AckContext<NatsMessage> {
    /** The subject the message was published to. */
    getSubject(): string;
    /** JetStream delivery info: stream, consumer, stream and consumer sequences, delivery count, pending. */
    getInfo(): DeliveryInfo;
    /** The message's sequence in its stream. */
    getSequence(): number;
}
