import type { IHeaders } from 'kafkajs';
/**
 * Header names of Nest's Kafka transport (`KafkaHeaders`), used so that our
 * server answers requests of Nest's `ClientKafka` and our client talks to
 * Nest's `ServerKafka`.
 */
export declare const KafkaReplyHeaders: {
    readonly CORRELATION_ID: 'kafka_correlationId';
    readonly REPLY_TOPIC: 'kafka_replyTopic';
    readonly REPLY_PARTITION: 'kafka_replyPartition';
    /** Set on an error reply; the value is the error (JSON for objects). */
    readonly NEST_ERR: 'kafka_nest-err';
    /** Set on the last reply of a request. */
    readonly NEST_IS_DISPOSED: 'kafka_nest-is-disposed';
};
/** Headers as strings: binary values decoded as UTF-8, arrays (repeated headers) keep their last value. */
export declare function headersToStrings(headers: IHeaders | undefined): Record<string, string>;
/**
 * The headers of a dead letter: the original headers byte for byte, then the
 * `x-dead-letter-*` fields (string values from `deadLetterHeaders(record)`),
 * which win over originals of the same name (a dead letter dead-lettered again).
 */
export declare function mergeDeadLetterHeaders(original: IHeaders | undefined, originalAsStrings: Record<string, string>, deadLetter: Record<string, string>): IHeaders;
