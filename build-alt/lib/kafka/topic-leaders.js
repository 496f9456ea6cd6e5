"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TOPIC_LEADERS_TIMEOUT_MS = void 0;
exports.waitForTopicLeaders = waitForTopicLeaders;
/** How long a start waits for new topics to have a leader on every partition. */
exports.TOPIC_LEADERS_TIMEOUT_MS = 30_000;
const POLL_MS = 100;
/**
 * Waits until every partition of `topics` has a leader. kafkajs's own
 * `createTopics({ waitForLeaders })` gives up on the first "This server does not
 * host this topic-partition", which a broker answers while a new topic's metadata
 * is still spreading (seen on a loaded machine); here every retriable answer is
 * polled again until `timeoutMs`.
 */
async function waitForTopicLeaders(admin, topics, timeoutMs = exports.TOPIC_LEADERS_TIMEOUT_MS) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        let lastError;
        try {
            const { topics: found } = await admin.fetchTopicMetadata({ topics });
            const ready = found.length === topics.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
            if (ready)
                return;
        }
        catch (error) {
            if (error.retriable === false)
                throw error;
            lastError = error;
        }
        if (Date.now() >= deadline) {
            const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
            throw new Error(`Kafka topics ${topics.join(', ')} have no leader on every partition after ${timeoutMs} ms${cause}`);
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
}
//# sourceMappingURL=topic-leaders.js.map