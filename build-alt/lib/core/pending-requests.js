"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PendingRequests = void 0;
exports.parseReplyBody = parseReplyBody;
/**
 * The requests a client's `send()` is waiting on, by request id. Every client
 * uses it, so a reply, a failed publish and a lost connection end a request
 * the same way on every broker.
 */
class PendingRequests {
    callbacks = new Map();
    /** Registers a request; returns the unsubscribe Nest calls when the caller goes away. */
    add(id, callback) {
        this.callbacks.set(id, callback);
        return () => void this.callbacks.delete(id);
    }
    /** Whether a request with this id is still waiting. */
    has(id) {
        return this.callbacks.has(id);
    }
    /** Hands one reply packet to its request; the last one (`isDisposed`, or an error) ends it. Unknown ids are ignored. */
    deliver(id, packet) {
        const callback = this.callbacks.get(id);
        if (!callback)
            return;
        if (packet.isDisposed || (packet.err !== undefined && packet.err !== null)) {
            this.callbacks.delete(id);
            callback({ ...packet, isDisposed: true });
        }
        else {
            callback(packet);
        }
    }
    /** Ends one request with an error (its publish failed). */
    fail(id, err) {
        this.deliver(id, { err: err ?? new Error('the request failed'), isDisposed: true });
    }
    /** Ends every waiting request with an error (the client closed, the reply channel is gone). */
    failAll(reason) {
        const ids = [...this.callbacks.keys()];
        for (const id of ids)
            this.fail(id, new Error(reason));
    }
}
exports.PendingRequests = PendingRequests;
/** A reply body as JSON, or as the text itself when it is not JSON. */
function parseReplyBody(body) {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
//# sourceMappingURL=pending-requests.js.map