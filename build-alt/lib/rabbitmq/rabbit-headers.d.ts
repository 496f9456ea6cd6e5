/** AMQP header values as the handler sees them: strings (Buffers as UTF-8, tables and arrays as JSON). */
export declare function toStringHeaders(headers: Record<string, unknown> | undefined): Record<string, string>;
/** The headers without the delivery-count ones the broker and this transport manage. */
export declare function withoutCountHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown>;
/**
 * An identity that survives redeliveries (for the first-failure time): the
 * message id when the publisher set one, else a hash of body and headers.
 */
export declare function messageKey(messageId: string | undefined, body: Buffer, headers: Record<string, string>): string;
