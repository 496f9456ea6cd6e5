import type { JsMsg } from '@nats-io/jetstream';
import type { InboundMessage } from '../core/inbound-message';
import { REPLY_TO_HEADER, toStringHeaders } from './nats-headers';

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
export function toNatsMessage(raw: JsMsg): NatsMessage {
  const { info } = raw;
  const headers = toStringHeaders(raw.headers);
  const replyTo = headers[REPLY_TO_HEADER];
  return {
    raw,
    subject: raw.subject,
    consumer: info.consumer,
    body: Buffer.from(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength),
    headers,
    // The server counts deliveries itself, across restarts of ours.
    deliveryCount: info.deliveryCount,
    source: { stream: info.stream, subject: raw.subject, sequence: info.streamSequence, consumer: info.consumer },
    key: `${info.stream}:${info.streamSequence}`,
    replyTo: replyTo === undefined || replyTo === '' ? undefined : replyTo,
  };
}
