"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfirmPublisher = void 0;
const errors_1 = require("../core/errors");
/**
 * Publishes on a confirm channel and resolves only when the broker confirmed.
 * With `mandatory`, a message no queue took (the broker returns it before
 * confirming) fails with `UnroutableMessageError` instead of vanishing.
 *
 * With a `renewal`, the publish after a refused one (a nack: a queue at its
 * `reject-publish` limit) goes on a fresh channel: RabbitMQ 3.10 keeps
 * refusing a quorum queue's publishes on the channel that saw the refusal,
 * even after the limit was lifted.
 */
class ConfirmPublisher {
    renewal;
    pending = new Set();
    current;
    open = true;
    refused = false;
    renewing;
    constructor(channel, renewal) {
        this.renewal = renewal;
        this.current = channel;
        this.watch(channel);
    }
    get channel() {
        return this.current;
    }
    get isOpen() {
        return this.open;
    }
    async publish(exchange, routingKey, content, options = {}) {
        if (this.refused && this.renewal)
            await (this.renewing ??= this.renew().finally(() => (this.renewing = undefined)));
        if (!this.open)
            throw new Error('nestjs-ack: the RabbitMQ publish channel is closed');
        const entry = { exchange, routingKey, content, returned: false };
        this.pending.add(entry);
        return new Promise((resolve, reject) => {
            const done = (error) => {
                this.pending.delete(entry);
                if (error) {
                    this.refused = true;
                    reject(new Error(`nestjs-ack: RabbitMQ did not confirm the publish (${(0, errors_1.asError)(error).message})`));
                }
                else if (entry.returned) {
                    reject(new errors_1.UnroutableMessageError(`no queue took the message published to exchange "${exchange || '(default)'}" with routing key "${routingKey}"`));
                }
                else
                    resolve();
            };
            try {
                this.current.publish(exchange, routingKey, content, options, done);
            }
            catch (error) {
                done(error ?? new Error('publish failed'));
            }
        });
    }
    async close() {
        this.open = false;
        await this.current.close().catch(() => undefined);
    }
    async renew() {
        const previous = this.current;
        this.current = await this.renewal.open();
        this.watch(this.current);
        this.refused = false;
        await previous.close().catch(() => undefined);
    }
    watch(channel) {
        channel.on('return', (message) => this.onReturn(message));
        channel.once('close', () => {
            if (channel !== this.current)
                return; // replaced on purpose
            this.open = false;
            this.renewal?.onLost();
        });
    }
    onReturn(message) {
        const { exchange, routingKey } = message.fields;
        for (const entry of this.pending) {
            if (!entry.returned && entry.exchange === exchange && entry.routingKey === routingKey && entry.content.equals(message.content)) {
                entry.returned = true;
                return;
            }
        }
    }
}
exports.ConfirmPublisher = ConfirmPublisher;
//# sourceMappingURL=rabbit-publisher.js.map