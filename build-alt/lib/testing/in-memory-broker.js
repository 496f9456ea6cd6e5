"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InMemoryBroker = void 0;
/**
 * A broker in memory with the semantics the contract needs: deliveries
 * counted, unsettled messages redelivered when their consumer goes away,
 * delayed nacks, a dead-letter list per queue. Share one between an
 * `InMemoryAckServer` and an `InMemoryAckClient`.
 */
class InMemoryBroker {
    queues = new Map();
    replyListeners = new Map();
    nextMessageId = 1;
    nextConsumerId = 1;
    publish(queueName, body, options = {}) {
        const queue = this.queue(queueName);
        const message = { id: this.nextMessageId++, body, headers: { ...options.headers }, deliveries: 0, replyTo: options.replyTo, correlationId: options.correlationId };
        queue.history.push({ type: 'published', messageId: message.id });
        queue.ready.push(message);
        this.dispatch(queueName);
        return message.id;
    }
    /** Starts delivering the queue's messages to `deliver`; returns the consumer id. */
    consume(queueName, deliver) {
        const id = this.nextConsumerId++;
        this.queue(queueName).consumers.set(id, deliver);
        this.dispatch(queueName);
        return id;
    }
    /**
     * Gives the queue a lease: a delivery not settled within `leaseMs` (and not
     * extended with `extendLease`) is delivered again, as JetStream does after `ackWait`.
     */
    setLease(queueName, leaseMs) {
        this.queue(queueName).leaseMs = leaseMs;
    }
    /** Restarts the lease of an unsettled delivery. */
    extendLease(queueName, messageId) {
        const queue = this.queue(queueName);
        const entry = queue.unacked.get(messageId);
        if (!entry)
            throw new Error(`message ${messageId} is not awaiting settlement`);
        this.startLease(queueName, queue, messageId, entry);
    }
    /** Stops delivering to a consumer; its unsettled messages stay with it until `disconnect`. */
    cancel(queueName, consumerId) {
        this.queue(queueName).consumers.delete(consumerId);
    }
    /** Gives a consumer's unsettled messages back to the queue, as a closed channel does. */
    disconnect(queueName, consumerId) {
        const queue = this.queue(queueName);
        queue.consumers.delete(consumerId);
        for (const [id, entry] of queue.unacked) {
            if (entry.consumer !== consumerId)
                continue;
            clearTimeout(entry.lease);
            queue.unacked.delete(id);
            queue.history.push({ type: 'requeued', messageId: id });
            queue.ready.unshift(entry.message);
        }
        this.dispatch(queueName);
    }
    ack(queueName, messageId) {
        const queue = this.queue(queueName);
        this.takeUnacked(queue, messageId);
        queue.history.push({ type: 'acked', messageId });
    }
    nack(queueName, messageId, delayMs) {
        const queue = this.queue(queueName);
        const message = this.takeUnacked(queue, messageId);
        queue.history.push({ type: 'nacked', messageId, delayMs });
        const timer = setTimeout(() => {
            queue.delayed.delete(messageId);
            queue.ready.push(message);
            this.dispatch(queueName);
        }, delayMs);
        timer.unref();
        queue.delayed.set(messageId, { message, timer });
    }
    /** Makes the queue's dead-letter list refuse entries (`true`) or take them again, to test a failing dead-letter target. */
    blockDeadLetters(queueName, blocked) {
        this.queue(queueName).deadLettersBlocked = blocked;
    }
    deadLetter(queueName, messageId, record) {
        const queue = this.queue(queueName);
        if (queue.deadLettersBlocked)
            throw new Error(`the dead-letter list of "${queueName}" refuses entries`);
        this.takeUnacked(queue, messageId);
        queue.deadLetters.push(record);
        queue.history.push({ type: 'dead-lettered', messageId, reason: record.reason });
    }
    /** Registers where replies to `replyTo` go. */
    listenForReplies(replyTo, listener) {
        this.replyListeners.set(replyTo, listener);
    }
    stopListeningForReplies(replyTo) {
        this.replyListeners.delete(replyTo);
    }
    reply(replyTo, body, correlationId) {
        const listener = this.replyListeners.get(replyTo);
        if (!listener)
            throw new Error(`no reply listener on "${replyTo}"`);
        listener(body, correlationId);
    }
    /** A snapshot of the queue for assertions. */
    state(queueName) {
        const queue = this.queue(queueName);
        return {
            ready: queue.ready.length,
            unacked: queue.unacked.size,
            delayed: queue.delayed.size,
            deadLetters: [...queue.deadLetters],
            history: [...queue.history],
            consumers: queue.consumers.size,
        };
    }
    /** The history of one message. */
    historyOf(queueName, messageId) {
        return this.queue(queueName).history.filter((event) => event.messageId === messageId);
    }
    takeUnacked(queue, messageId) {
        const entry = queue.unacked.get(messageId);
        // The real brokers answer a settle of an unknown delivery with an error (RabbitMQ closes the channel).
        if (!entry)
            throw new Error(`message ${messageId} is not awaiting settlement`);
        clearTimeout(entry.lease);
        queue.unacked.delete(messageId);
        return entry.message;
    }
    startLease(queueName, queue, messageId, entry) {
        clearTimeout(entry.lease);
        if (queue.leaseMs === undefined)
            return;
        entry.lease = setTimeout(() => {
            if (queue.unacked.get(messageId) !== entry)
                return;
            queue.unacked.delete(messageId);
            queue.history.push({ type: 'lease-expired', messageId });
            queue.ready.push(entry.message);
            this.dispatch(queueName);
        }, queue.leaseMs);
        entry.lease.unref();
    }
    dispatch(queueName) {
        const queue = this.queue(queueName);
        const consumers = [...queue.consumers.entries()];
        let turn = 0;
        while (queue.ready.length > 0 && consumers.length > 0) {
            // Taken as a whole: shift() on a long array moves every element (a backlog of 100,000 took minutes).
            const batch = queue.ready;
            queue.ready = [];
            for (const message of batch) {
                const [consumerId, deliver] = consumers[turn++ % consumers.length];
                message.deliveries++;
                const entry = { message, consumer: consumerId };
                queue.unacked.set(message.id, entry);
                this.startLease(queueName, queue, message.id, entry);
                queue.history.push({ type: 'delivered', messageId: message.id, deliveryCount: message.deliveries });
                deliver(message);
            }
        }
    }
    queue(name) {
        let queue = this.queues.get(name);
        if (!queue) {
            queue = { ready: [], unacked: new Map(), delayed: new Map(), deadLetters: [], history: [], consumers: new Map() };
            this.queues.set(name, queue);
        }
        return queue;
    }
}
exports.InMemoryBroker = InMemoryBroker;
//# sourceMappingURL=in-memory-broker.js.map