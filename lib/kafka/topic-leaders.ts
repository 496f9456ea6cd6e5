import type { Admin, ITopicConfig } from 'kafkajs';
import { AckTimeoutError } from '../core/errors';

/** How long a start waits for new topics to have a leader on every partition. */
export const TOPIC_LEADERS_TIMEOUT_MS = 30_000;
const POLL_MS = 100;

/**
 * Waits until every partition of `topics` has a leader. kafkajs's own
 * `createTopics({ waitForLeaders })` gives up on the first "This server does not
 * host this topic-partition", which a broker answers while a new topic's metadata
 * is still spreading (seen on a loaded machine); here every retriable answer is
 * polled again until `timeoutMs`.
 */
export async function waitForTopicLeaders(admin: Admin, topics: string[], timeoutMs = TOPIC_LEADERS_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let lastError: unknown;
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      const ready = found.length === topics.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
      if (ready) return;
    } catch (error) {
      if ((error as { retriable?: boolean }).retriable === false) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new AckTimeoutError(`Kafka topics ${topics.join(', ')} have no leader on every partition after ${timeoutMs} ms${cause}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Creates `topics` and waits for their leaders with `waitForTopicLeaders` (not kafkajs's `waitForLeaders`). */
export async function createTopicsWithLeaders(admin: Admin, topics: ITopicConfig[], timeoutMs = TOPIC_LEADERS_TIMEOUT_MS): Promise<void> {
  await admin.createTopics({ waitForLeaders: false, topics });
  await waitForTopicLeaders(admin, topics.map((t) => t.topic), timeoutMs);
}
