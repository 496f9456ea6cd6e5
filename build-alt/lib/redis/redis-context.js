"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisAckContext = void 0;
const ack_context_1 = require("../core/ack-context");
/** The context of `RedisAckServer` handlers: the common one plus the stream entry's facts (read-only; settle through the context). */
class RedisAckContext extends ack_context_1.AckContext {
    /** The stream the entry is in. */
    getStream() {
        return this.getMessage().stream;
    }
    /** The entry id (`<ms>-<seq>`). */
    getId() {
        return this.getMessage().id;
    }
    /** The consumer group that delivered the entry. */
    getGroup() {
        return this.getMessage().group;
    }
    /** Every field of the entry, as bytes. */
    getFields() {
        return this.getMessage().fields;
    }
}
exports.RedisAckContext = RedisAckContext;
//# sourceMappingURL=redis-context.js.map