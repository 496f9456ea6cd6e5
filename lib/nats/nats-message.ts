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

/**
 * Builds the message handed to the base server. A message over `maxBytes`
 * (headers and payload as the server sent them) keeps its headers unparsed:
 * the core dead-letters it for its size, and its headers are neither decoded
 * nor copied into the dead letter.
 */
export function toNatsMessage(raw: JsMsg, maxBytes = Infinity): NatsMessage {
  const { info } = raw;
  const size = wireSize(raw);
  const headers = size !== undefined && size > maxBytes ? {} : toStringHeaders(raw.headers);
  const replyTo = headers[REPLY_TO_HEADER];
  return {
    raw,
    subject: raw.subject,
    consumer: info.consumer,
    body: Buffer.from(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength),
    headers,
    size,
    // The server counts deliveries itself, across restarts of ours.
    deliveryCount: info.deliveryCount,
    source: { stream: info.stream, subject: raw.subject, sequence: info.streamSequence, consumer: info.consumer },
    key: `${info.stream}:${info.streamSequence}`,
    replyTo: replyTo === undefined || replyTo === '' ? undefined : replyTo,
  };
}

/** What nats.js keeps of the protocol line (`HMSG <subject> <sid> <reply> <header bytes> <total bytes>`). */
interface ProtocolLine {
  size?: unknown;
}

/**
 * Header and payload bytes of a delivery as the server sent them: the total of
 * its `HMSG` / `MSG` line, which nats.js keeps on the message (`_msg.size`)
 * without parsing the headers. Undefined when that field is not there (another
 * nats.js version): the core then measures the parsed headers.
 */
export function wireSize(raw: JsMsg): number | undefined {
  const line = (raw as { msg?: { _msg?: ProtocolLine } }).msg?._msg;
  return typeof line?.size === 'number' && Number.isInteger(line.size) && line.size >= raw.data.byteLength ? line.size : undefined;
}
