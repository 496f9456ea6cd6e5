"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckMetrics = exports.AckMetricNames = void 0;
const api_1 = require("@opentelemetry/api");
const instrumentation_scope_1 = require("./instrumentation-scope");
/** Names of the instruments `instrumentAck()` records. */
exports.AckMetricNames = {
    /** Counter, `{message}`: messages published by a nestjs-ack client (the broker took them or the publish failed: `error.type`). */
    SENT: 'messaging.client.sent.messages',
    /** Counter, `{message}`: deliveries processed by a nestjs-ack server. */
    CONSUMED: 'messaging.client.consumed.messages',
    /** Counter, `{message}`: settlements carried out on the broker, by `nestjs_ack.outcome` (`ack`, `nack`, `reject`). */
    SETTLED: 'messaging.client.settled.messages',
    /** Histogram, seconds: from arrival to the end of the policy step. */
    PROCESS_DURATION: 'messaging.process.duration',
};
/** The instruments, created at the first measurement (so a meter provider registered after `instrumentAck()` is still used). */
class AckMetrics {
    provider;
    instruments;
    constructor(provider) {
        this.provider = provider;
    }
    sent(attributes) {
        this.get().sent.add(1, attributes);
    }
    consumed(attributes, durationMs) {
        const { consumed, duration } = this.get();
        consumed.add(1, attributes);
        duration.record(durationMs / 1000, attributes);
    }
    settled(attributes) {
        this.get().settled.add(1, attributes);
    }
    get() {
        if (this.instruments)
            return this.instruments;
        const meter = (this.provider ?? api_1.metrics.getMeterProvider()).getMeter(instrumentation_scope_1.INSTRUMENTATION_NAME);
        const counter = (name, description) => meter.createCounter(name, { description, unit: '{message}', valueType: api_1.ValueType.INT });
        this.instruments = {
            sent: counter(exports.AckMetricNames.SENT, 'Messages published by nestjs-ack clients'),
            consumed: counter(exports.AckMetricNames.CONSUMED, 'Deliveries processed by nestjs-ack servers'),
            settled: counter(exports.AckMetricNames.SETTLED, 'Settlements (ack, nack, reject) carried out on the broker'),
            duration: meter.createHistogram(exports.AckMetricNames.PROCESS_DURATION, { description: 'Time from arrival to the end of the policy step', unit: 's' }),
        };
        return this.instruments;
    }
}
exports.AckMetrics = AckMetrics;
//# sourceMappingURL=ack-metrics.js.map