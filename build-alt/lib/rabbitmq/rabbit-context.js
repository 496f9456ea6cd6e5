"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RabbitAckContext = void 0;
const ack_context_1 = require("../core/ack-context");
/** The context of `RabbitAckServer` handlers: the common one plus the AMQP fields and properties (read-only; settle through the context). */
class RabbitAckContext extends ack_context_1.AckContext {
    /** AMQP properties (contentType, messageId, replyTo, headers as received...). */
    getProperties() {
        return this.getMessage().raw.properties;
    }
    /** AMQP delivery fields (exchange, routingKey, redelivered, deliveryTag). */
    getFields() {
        return this.getMessage().raw.fields;
    }
}
exports.RabbitAckContext = RabbitAckContext;
//# sourceMappingURL=rabbit-context.js.map