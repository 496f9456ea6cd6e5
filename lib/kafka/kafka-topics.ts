import type { Admin } from 'kafkajs';
import type { KafkaTopicCreation } from './kafka-topic-creation';

/** Creates the topics that do not exist yet and waits for their leaders; existing topics are left as they are. */
export async function ensureTopics(admin: Admin, topics: string[], creation: Required<KafkaTopicCreation>): Promise<void> {
  const unique = [...new Set(topics)];
  if (unique.length === 0) return;
  const existing = new Set(await admin.listTopics());
  const missing = unique.filter((topic) => !existing.has(topic));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: creation.numPartitions, replicationFactor: creation.replicationFactor })),
    });
  } catch (error) {
    // Another server of the group may have created them meanwhile.
    if (!/already exists/i.test((error as Error).message ?? '')) throw error;
  }
}
