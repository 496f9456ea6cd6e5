import type { MessageSource } from './dead-letter-record';

/** What a broker subclass hands to the base server for each delivery. */
export interface InboundMessage {
  /** The body as received. */
  body: Buffer;
  /** Headers as strings (binary header values are decoded as UTF-8). */
  headers: Record<string, string>;
  /** 1 on first delivery; from the broker where it counts deliveries. */
  deliveryCount: number;
  /** Where the message came from, for logs and dead letters. */
  source: MessageSource;
  /** Identity stable across redeliveries, to remember the first failure time. */
  key: string;
  /** The pattern when the broker fixes it (a Kafka topic) rather than the body. */
  pattern?: string;
  /** Where to send the reply of a request. */
  replyTo?: string;
  /**
   * The whole message in bytes as the transport received it (body, headers,
   * reply fields), when it measured it before decoding. @defaultValue the body
   * plus the headers' names and values
   */
  size?: number;
  /** Correlation id of a request, echoed on the reply. */
  correlationId?: string;
}

/** The address a delivery came on (subject, stream, topic, queue), for errors about it. */
export function addressOf(message: InboundMessage): string {
  const { source } = message;
  return String(source.subject ?? source.stream ?? source.topic ?? source.queue ?? 'unknown');
}
