import type { Admin } from 'kafkajs';
import { ConfigResourceTypes } from 'kafkajs';
import { onlyTopicsExist } from './kafka-errors';
import type { KafkaTopicCreation } from './kafka-ack-server-options';
import { waitForTopicLeaders } from './topic-leaders';

/**
 * Room a dead-letter topic gets above its source's `max.message.bytes`: a dead
 * letter is the source record plus the `x-dead-letter-*` headers (a few KB at
 * most: the error message is cut at 1000 characters).
 */
export const DEAD_LETTER_HEADROOM_BYTES = 64 * 1024;

/**
 * Creates the topics that do not exist yet and waits for their leaders;
 * existing topics are left as they are. A dead-letter topic created here gets
 * the largest `max.message.bytes` of its sources plus `DEAD_LETTER_HEADROOM_BYTES`,
 * so it takes every record its sources take.
 *
 * @param deadLetterTopicOf the dead-letter topic of each source topic (none: no dead-letter topics)
 */
export async function ensureTopics(admin: Admin, topics: string[], deadLetterTopicOf: ((topic: string) => string) | undefined, creation: Required<KafkaTopicCreation>): Promise<void> {
  const sources = [...new Set(topics)];
  const sourcesOf = new Map<string, string[]>();
  for (const source of deadLetterTopicOf ? sources : []) {
    const target = deadLetterTopicOf!(source);
    if (!sources.includes(target)) sourcesOf.set(target, [...(sourcesOf.get(target) ?? []), source]);
  }
  const existing = new Set(await admin.listTopics());
  await createMissing(admin, sources.filter((topic) => !existing.has(topic)), creation, () => undefined);
  const missingTargets = [...sourcesOf.keys()].filter((topic) => !existing.has(topic));
  if (missingTargets.length === 0) return;
  const limits = await maxMessageBytes(admin, [...new Set(missingTargets.flatMap((target) => sourcesOf.get(target)!))]);
  await createMissing(admin, missingTargets, creation, (target) => {
    const largest = Math.max(...sourcesOf.get(target)!.map((source) => limits.get(source) ?? NaN));
    return Number.isFinite(largest) ? String(largest + DEAD_LETTER_HEADROOM_BYTES) : undefined;
  });
}

async function createMissing(admin: Admin, topics: string[], creation: Required<KafkaTopicCreation>, maxBytes: (topic: string) => string | undefined): Promise<void> {
  if (topics.length === 0) return;
  try {
    await admin.createTopics({
      // kafkajs' own wait retries only LEADER_NOT_AVAILABLE, but a KRaft broker may answer
      // UNKNOWN_TOPIC_OR_PARTITION for a moment after the creation: waited for below instead.
      waitForLeaders: false,
      topics: topics.map((topic) => {
        const limit = maxBytes(topic);
        return {
          topic,
          numPartitions: creation.numPartitions,
          replicationFactor: creation.replicationFactor,
          ...(limit === undefined ? {} : { configEntries: [{ name: 'max.message.bytes', value: limit }] }),
        };
      }),
    });
  } catch (error) {
    // Another server of the group may have created them meanwhile.
    if (!onlyTopicsExist(error)) throw error;
  }
  await waitForTopicLeaders(admin, topics);
}

/** Each topic's `max.message.bytes` (its own, or the broker's default it inherits). */
async function maxMessageBytes(admin: Admin, topics: string[]): Promise<Map<string, number>> {
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['max.message.bytes'] })),
  });
  const limits = new Map<string, number>();
  for (const resource of resources) {
    const value = resource.configEntries.find((entry) => entry.configName === 'max.message.bytes')?.configValue;
    if (value !== undefined && /^\d+$/.test(value)) limits.set(resource.resourceName, Number(value));
  }
  return limits;
}
