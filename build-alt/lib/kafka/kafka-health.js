"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.probeKafka = probeKafka;
/**
 * Consumer-group lag from two admin requests, the end offsets
 * (`fetchTopicOffsets`) and the committed ones (`fetchOffsets`). A partition
 * the group never committed counts from its log start. The requests go through
 * the server's own admin client: a broker that is down makes them fail or hang
 * (kafkajs retries), which the caller's timeout turns into `down`.
 */
async function probeKafka(source) {
    const base = { transport: 'kafka', state: source.state, consuming: source.consuming };
    const admin = source.admin;
    if (!admin)
        return { ...base, connected: false };
    const topics = [...source.topics];
    if (topics.length === 0) {
        await admin.listTopics(); // still a round trip: `connected` means the broker answered
        return { ...base, connected: true, backlog: 0, details: { groupId: source.groupId, topics: [] } };
    }
    const [ends, committed] = await Promise.all([
        Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic))),
        admin.fetchOffsets({ groupId: source.groupId, topics }),
    ]);
    const lags = topics.map((topic, i) => {
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
//# sourceMappingURL=kafka-health.js.map