import type { Admin } from 'kafkajs';
import type { KafkaTopicCreation } from './kafka-topic-creation';
/**
 * Room a dead-letter topic gets above its source's `max.message.bytes`: a dead
 * letter is the source record plus the `x-dead-letter-*` headers (a few KB at
 * most: the error message is cut at 1000 characters).
 */
export declare const DEAD_LETTER_HEADROOM_BYTES: number;
/**
 * Creates the topics that do not exist yet and waits for their leaders;
 * existing topics are left as they are. A dead-letter topic created here gets
 * the largest `max.message.bytes` of its sources plus `DEAD_LETTER_HEADROOM_BYTES`,
 * so it takes every record its sources take.
 *
 * @param deadLetterTopicOf the dead-letter topic of each source topic (none: no dead-letter topics)
 */
export declare function ensureTopics(admin: Admin, topics: string[], deadLetterTopicOf: ((topic: string) => string) | undefined, creation: Required<KafkaTopicCreation>): Promise<void>;
