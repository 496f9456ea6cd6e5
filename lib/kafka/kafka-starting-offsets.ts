import type { Admin, Consumer } from 'kafkajs';

/**
 * Fixes where the group starts on assigned partitions it never committed on:
 * at their current end, committed before `listen()` resolves. Without it
 * kafkajs looks the end up at its first fetch, some time after the start, and
 * a message produced in between was skipped (`fromBeginning: false`). If
 * kafkajs looked it up first it starts there, which is never later than this
 * end, so a message produced after `listen()` resolved is always consumed.
 */
export async function fixStartingOffsets(admin: Admin, consumer: Consumer, groupId: string, assignment: Record<string, number[]>): Promise<void> {
  const topics = Object.keys(assignment).filter((topic) => assignment[topic].length > 0);
  if (topics.length === 0) return;
  const committed = await admin.fetchOffsets({ groupId, topics });
  const offsets: Array<{ topic: string; partition: number; offset: string }> = [];
  for (const { topic, partitions } of committed) {
    const unset = new Set(partitions.filter((p) => assignment[topic]?.includes(p.partition) && Number(p.offset) < 0).map((p) => p.partition));
    if (unset.size === 0) continue;
    for (const end of await admin.fetchTopicOffsets(topic)) {
      if (unset.has(end.partition)) offsets.push({ topic, partition: end.partition, offset: end.high });
    }
  }
  if (offsets.length > 0) await consumer.commitOffsets(offsets);
}
