"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.probeNats = probeNats;
/**
 * JetStream consumer info of each durable consumer: `num_pending` (not yet
 * delivered, the `backlog`) and `num_ack_pending` (delivered, not settled).
 * One API request per consumer through the server's own connection.
 */
async function probeNats(source) {
    const base = { transport: 'nats', state: source.state, consuming: source.consuming };
    const { connection, manager } = source;
    if (!connection || connection.isClosed() || !manager || source.state !== 'connected')
        return { ...base, connected: false };
    const infos = await Promise.all(source.consumers.map((name) => manager.consumers.info(source.stream, name)));
    const consumers = infos.map((info) => ({ name: info.name, pending: info.num_pending, ackPending: info.num_ack_pending }));
    const backlog = consumers.reduce((sum, { pending }) => sum + pending, 0);
    return { ...base, connected: true, backlog, details: { stream: source.stream, consumers } };
}
//# sourceMappingURL=nats-health.js.map