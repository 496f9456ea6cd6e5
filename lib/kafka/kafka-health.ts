import type { Admin } from 'kafkajs';
import type { BrokerHealth } from '../core/broker-health';
import type { AckServerStatus } from '../core/settlement-event';

/** What the probe reads from the server at the moment of a check. */
export interface KafkaHealthSource {
  groupId: string;
  topics: readonly string[];
  state: AckServerStatus;
  /** The server's own admin client, undefined before the start and after the close. */
  admin: Admin | undefined;
  /** The group's consumer joined and has not crashed since. */
  consuming: boolean;
}

/** Lag of one topic: the end offsets minus the group's committed offsets, summed over its partitions. */
export interface KafkaTopicLag {
  topic: string;
  lag: number;
}

/**
 * Consumer-group lag from two admin requests, the end offsets
 * (`fetchTopicOffsets`) and the committed ones (`fetchOffsets`). A partition
 * the group never committed counts from its log start. The requests go through
 * the server's own admin client: a broker that is down makes them fail or hang
 * (kafkajs retries), which the caller's timeout turns into `down`.
 */
export async function probeKafka(source: KafkaHealthSource): Promise<BrokerHealth> {
  const base = { transport: 'kafka', state: source.state, consuming: source.consuming };
  const admin = source.admin;
  if (!admin) return { ...base, connected: false };
  const topics = [...source.topics];
  if (topics.length === 0) {
    await admin.listTopics(); // still a round trip: `connected` means the broker answered
    return { ...base, connected: true, backlog: 0, details: { groupId: source.groupId, topics: [] } };
  }
  const [ends, committed] = await Promise.all([
    Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic))),
    admin.fetchOffsets({ groupId: source.groupId, topics }),
  ]);
  const lags: KafkaTopicLag[] = topics.map((topic, i) => {
    const done = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
    const lag = ends[i].reduce((sum, { partition, high, low }) => {
      const offset = Number(done.find((p) => p.partition === partition)?.offset ?? -1);
      return sum + Math.max(0, Number(high) - (offset >= 0 ? offset : Number(low)));
    }, 0);
    return { topic, lag };
  });
  const backlog = lags.reduce((sum, { lag }) => sum + lag, 0);
  return { ...base, connected: true, backlog, details: { groupId: source.groupId, topics: lags } };
}
