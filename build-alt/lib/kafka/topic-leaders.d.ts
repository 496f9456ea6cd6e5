import type { Admin } from 'kafkajs';
/** How long a start waits for new topics to have a leader on every partition. */
export declare const TOPIC_LEADERS_TIMEOUT_MS = 30000;
/**
 * Waits until every partition of `topics` has a leader. kafkajs's own
 * `createTopics({ waitForLeaders })` gives up on the first "This server does not
 * host this topic-partition", which a broker answers while a new topic's metadata
 * is still spreading (seen on a loaded machine); here every retriable answer is
 * polled again until `timeoutMs`.
 */
export declare function waitForTopicLeaders(admin: Admin, topics: string[], timeoutMs?: number): Promise<void>;
