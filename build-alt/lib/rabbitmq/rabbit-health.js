"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RabbitHealthProbe = void 0;
/**
 * Queue depth through `checkQueue` (a passive declare: ready messages and
 * consumers) on a channel of the server's own connection, kept for the next
 * check. A channel of its own: the passive declare of a missing queue closes
 * its channel (404), which on the consumer or publisher channel would recycle
 * the connection.
 */
class RabbitHealthProbe {
    channel;
    async probe(source) {
        const base = { transport: 'rabbitmq', state: source.state, consuming: source.consuming };
        const model = source.model;
        if (!model)
            return { ...base, connected: false };
        const { messageCount, consumerCount } = await (await this.channelOn(model)).checkQueue(source.queue);
        return { ...base, connected: true, backlog: messageCount, details: { queue: source.queue, ready: messageCount, consumers: consumerCount } };
    }
    channelOn(model) {
        if (this.channel?.model === model)
            return this.channel.channel;
        const entry = {
            model,
            channel: model.createChannel().then((channel) => {
                channel.on('error', () => undefined); // a 404 or a lost connection: the next check opens another
                channel.once('close', () => {
                    if (this.channel === entry)
                        this.channel = undefined;
                });
                return channel;
            }),
        };
        entry.channel.catch(() => {
            if (this.channel === entry)
                this.channel = undefined;
        });
        this.channel = entry;
        return entry.channel;
    }
}
exports.RabbitHealthProbe = RabbitHealthProbe;
//# sourceMappingURL=rabbit-health.js.map