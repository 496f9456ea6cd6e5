import { ConfigResourceTypes, Kafka, logLevel, type Admin, type KafkaMessage } from 'kafkajs';
import { KafkaAckClient } from '../../lib/kafka';
import { createTopicsWithLeaders } from '../../lib/kafka/topic-leaders';
import { kafkaBrokers } from './broker-urls';
import { uniqueName } from './names';
import { waitFor } from './wait-for';

/** The broker under test (env KAFKA_BROKERS). */
export const KAFKA_BROKERS = kafkaBrokers;

/** A kafkajs client for test-side work, quiet. */
export function testKafka(clientId = 'nestjs-ack-test'): Kafka {
  return new Kafka({ brokers: KAFKA_BROKERS, clientId, logLevel: logLevel.NOTHING });
}

let shared: { kafka: Kafka; admin: Promise<Admin> } | undefined;

/** One connected admin client shared by a test file; `closeSharedAdmin()` in `after()`. */
export function sharedAdmin(): Promise<Admin> {
  if (!shared) {
    const kafka = testKafka('nestjs-ack-test-admin');
    const admin = kafka.admin();
    shared = { kafka, admin: admin.connect().then(() => admin) };
  }
  return shared.admin;
}

export async function closeSharedAdmin(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (current) await (await current.admin).disconnect();
}

/** Creates topics (waiting for leaders). */
export async function createTopic(topic: string | string[], numPartitions = 1): Promise<void> {
  const admin = await sharedAdmin();
  const topics = Array.isArray(topic) ? topic : [topic];
  await createTopicsWithLeaders(admin, topics.map((t) => ({ topic: t, numPartitions })));
}

/** Deletes topics and groups, ignoring the ones already gone. */
export async function deleteTopicsAndGroups(topics: string[], groups: string[] = []): Promise<void> {
  const admin = await sharedAdmin();
  if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
  const existing = new Set(await admin.listTopics());
  const gone = topics.filter((t) => existing.has(t));
  if (gone.length > 0) await admin.deleteTopics({ topics: gone, timeout: 5000 }).catch(() => undefined);
}

/** Per partition: end offset (high watermark), start offset, the group's committed offset (-1 when none). */
export async function partitionOffsets(topic: string, groupId: string): Promise<Array<{ partition: number; high: number; low: number; committed: number }>> {
  const admin = await sharedAdmin();
  const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
  return ends.map(({ partition, high, low }) => ({
    partition,
    high: Number(high),
    low: Number(low),
    committed: Number(committed?.partitions.find((p) => p.partition === partition)?.offset ?? -1),
  }));
}

/** The group's committed offset of one partition (-1 when none). */
export async function committedOffset(topic: string, groupId: string, partition = 0): Promise<number> {
  return (await partitionOffsets(topic, groupId)).find((p) => p.partition === partition)?.committed ?? -1;
}

/** Records the group has not committed yet: end offset minus committed offset (start offset when none), summed over partitions. */
export async function uncommitted(topic: string, groupId: string): Promise<number> {
  return (await partitionOffsets(topic, groupId)).reduce((sum, p) => sum + p.high - (p.committed >= 0 ? p.committed : p.low), 0);
}

/** End offsets summed over the topic's partitions (0 when the topic does not exist). */
export async function endOffsetTotal(topic: string): Promise<number> {
  const admin = await sharedAdmin();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } catch {
    return 0;
  }
}

/** Reads every record of a topic from the beginning with a throwaway group, up to the end offsets seen at the call. */
export async function readTopic(topic: string, { timeoutMs = 20_000 } = {}): Promise<Array<KafkaMessage & { partition: number }>> {
  const admin = await sharedAdmin();
  const ends = await admin.fetchTopicOffsets(topic);
  const remaining = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
  if (remaining.size === 0) return [];
  const groupId = uniqueName('reader');
  const consumer = testKafka('nestjs-ack-test-reader').consumer({ groupId, maxWaitTimeInMs: 100, sessionTimeout: 6000, heartbeatInterval: 500 });
  const records: Array<KafkaMessage & { partition: number }> = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const end = remaining.get(partition);
        if (end === undefined || Number(message.offset) >= end) return;
        records.push({ ...message, partition });
        if (Number(message.offset) >= end - 1) remaining.delete(partition);
      },
    });
    await waitFor(() => remaining.size === 0, { timeoutMs, message: `reading ${topic} to its end` });
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  return records.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

/** Our client for tests: kafkajs logs only with TEST_LOG=1 (a deleted topic of an earlier test makes metadata noise). */
export function testClient(clientId: string): KafkaAckClient {
  return new KafkaAckClient({ brokers: KAFKA_BROKERS, clientId, logLevel: process.env.TEST_LOG ? logLevel.WARN : logLevel.NOTHING });
}

/** Members of a consumer group, as its coordinator lists them (0 when the group is empty or unknown). */
export async function groupMembers(groupId: string): Promise<number> {
  const admin = await sharedAdmin();
  const { groups } = await admin.describeGroups([groupId]);
  return groups[0]?.members.length ?? 0;
}

/** A topic's effective `max.message.bytes`. */
export async function maxMessageBytes(topic: string): Promise<number> {
  const admin = await sharedAdmin();
  const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['max.message.bytes'] }] });
  return Number(resources[0].configEntries.find((entry) => entry.configName === 'max.message.bytes')?.configValue);
}

const limitsBeforeChange = new Map<string, number>();

/**
 * Sets a topic's `max.message.bytes` (its only config override: `alterConfigs` replaces them all),
 * and waits until the broker reports it. `undefined` restores the value it had before the first change.
 */
export async function setMaxMessageBytes(topic: string, bytes: number | undefined): Promise<void> {
  const admin = await sharedAdmin();
  if (!limitsBeforeChange.has(topic)) limitsBeforeChange.set(topic, await maxMessageBytes(topic));
  const value = bytes ?? limitsBeforeChange.get(topic)!;
  await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries: [{ name: 'max.message.bytes', value: String(value) }] }] });
  await waitFor(async () => (await maxMessageBytes(topic)) === value, { message: `${topic} max.message.bytes ${value}` });
}
