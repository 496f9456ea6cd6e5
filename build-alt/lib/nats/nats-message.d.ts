import type { JsMsg } from '@nats-io/jetstream';
import type { InboundMessage } from '../core/inbound-message';
/** A JetStream delivery as `NatsAckServer` processes it. */
export interface NatsMessage extends InboundMessage {
    /** The delivery as `@nats-io/jetstream` gave it (subject, info, headers); settle through the context, never on it. */
    raw: JsMsg;
    /** The subject the message was published to. */
    subject: string;
    /** The durable consumer it came from. */
    consumer: string;
}
/** Builds the message handed to the base server. */
export declare function toNatsMessage(raw: JsMsg): NatsMessage;
