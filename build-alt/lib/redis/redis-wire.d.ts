/**
 * Field names of a stream entry written by `RedisAckClient` and read by
 * `RedisAckServer`. The body is Nest's JSON packet `{ pattern, data, id? }`.
 */
export declare const RedisFields: {
    /** Nest's packet as JSON bytes. */
    readonly BODY: 'body';
    /** The headers as a JSON object of strings. */
    readonly HEADERS: 'headers';
    /** The list a request's reply is pushed to. */
    readonly REPLY_TO: 'replyTo';
    /** The request's id, echoed on the reply. */
    readonly CORRELATION_ID: 'correlationId';
};
/** Fields of one entry, by name; values are kept as bytes (bodies may be any bytes). */
export type EntryFields = Map<string, Buffer>;
/** Turns the flat `[name, value, name, value...]` reply of Redis into a map. */
export declare function fieldMap(flat: Buffer[] | null | undefined): EntryFields;
/** The headers field as strings; an entry without (or with unreadable) headers has none. */
export declare function headersOf(fields: EntryFields): Record<string, string>;
