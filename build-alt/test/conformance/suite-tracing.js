"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.runTracingSuite = runTracingSuite;
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const common_1 = require("@nestjs/common");
const microservices_1 = require("@nestjs/microservices");
const api_1 = require("@opentelemetry/api");
const core_1 = require("../../lib/core");
const module_1 = require("../../lib/module");
const otel_1 = require("../../lib/otel");
const names_1 = require("../support/names");
const otel_sdk_1 = require("../support/otel-sdk");
const wait_for_1 = require("../support/wait-for");
const harness_1 = require("./harness");
/**
 * `nestjs-ack/otel` on one transport, through the broker: the producer's span
 * context travels in the message headers, and each delivery gets one CONSUMER
 * span, child of that PRODUCER span, with its outcome; the counters match.
 * `system` is the expected `messaging.system`.
 */
function runTracingSuite(adapter, system) {
    (0, node_test_1.describe)(`OpenTelemetry on ${adapter.name}`, { timeout: 90_000 }, () => {
        const otel = new otel_sdk_1.TestOtel();
        (0, node_test_1.before)(() => otel.install());
        (0, node_test_1.after)(async () => {
            await adapter.dispose?.();
            await otel.uninstall();
        });
        (0, node_test_1.it)('one CONSUMER span per delivery, child of the PRODUCER span the headers carried; outcomes on spans and counters', async () => {
            const ok = (0, names_1.uniqueName)('traced-ok');
            const failing = (0, names_1.uniqueName)('traced-failing');
            const flaky = (0, names_1.uniqueName)('traced-flaky');
            const inHandler = [];
            let TracedController = class TracedController {
                completes() {
                    // A span the handler starts is a child of the delivery's span: the consumer span is active.
                    const span = api_1.trace.getTracer('test').startSpan('inside the handler');
                    inHandler.push(span.spanContext());
                    span.end();
                }
                fails() {
                    throw new TypeError('refused by the handler');
                }
                failsOnce(ctx) {
                    if (ctx.getDeliveryCount() === 1)
                        throw new Error('first delivery fails');
                }
            };
            __decorate([
                (0, microservices_1.EventPattern)(ok),
                (0, core_1.AckPolicy)('ACK'),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], TracedController.prototype, "completes", null);
            __decorate([
                (0, microservices_1.EventPattern)(failing),
                (0, core_1.AckPolicy)('REJECT_ON_ERROR'),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], TracedController.prototype, "fails", null);
            __decorate([
                (0, microservices_1.EventPattern)(flaky),
                (0, core_1.AckPolicy)('NACK_ON_ERROR'),
                __param(0, (0, microservices_1.Ctx)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [core_1.AckContext]),
                __metadata("design:returntype", void 0)
            ], TracedController.prototype, "failsOnce", null);
            TracedController = __decorate([
                (0, common_1.Controller)()
            ], TracedController);
            let TracedModule = class TracedModule {
            };
            TracedModule = __decorate([
                (0, common_1.Module)({ imports: [module_1.AckModule.forRoot(), otel_1.AckTelemetryModule.forRoot()], controllers: [TracedController] })
            ], TracedModule);
            const target = await adapter.start({ module: TracedModule, patterns: [ok, failing, flaky], serverOptions: { retry: harness_1.FAST_RETRY } });
            const handled = [];
            target.server.on('handled', (event) => handled.push(event));
            try {
                // The caller's span is active while it emits: the PRODUCER spans are its children.
                const caller = await api_1.trace.getTracer('test').startActiveSpan('the caller', async (span) => {
                    try {
                        for (const pattern of [ok, failing, flaky])
                            await target.emit(pattern, { n: 1 });
                    }
                    finally {
                        span.end();
                    }
                    return span.spanContext();
                });
                await (0, wait_for_1.waitFor)(() => handled.length >= 4, { timeoutMs: 30_000, message: 'four deliveries handled (flaky twice)' });
                // The broker: everything settled, the failing message dead-lettered with the trace context among its headers.
                for (const pattern of [ok, failing, flaky])
                    await (0, wait_for_1.waitForEqual)(() => target.outstanding(pattern), 0, { message: `outstanding of ${pattern}`, timeoutMs: 20_000 });
                await (0, wait_for_1.waitFor)(async () => (await target.deadLetters(failing)).length > 0, { message: 'the dead letter of the failing message' });
                const deadLetters = await target.deadLetters(failing);
                strict_1.default.equal(deadLetters.length, 1, 'one dead letter');
                for (const pattern of [ok, failing, flaky]) {
                    const producers = producersOf(otel, pattern);
                    strict_1.default.equal(producers.length, 1, `one PRODUCER span for ${pattern}`);
                    const [producer] = producers;
                    strict_1.default.equal(producer.kind, api_1.SpanKind.PRODUCER);
                    strict_1.default.equal(producer.attributes[otel_1.MessagingAttributes.SYSTEM], system);
                    strict_1.default.equal(producer.parentSpanContext?.spanId, caller.spanId, 'child of the span active at emit time');
                    const consumers = consumersOf(otel, pattern);
                    strict_1.default.equal(consumers.length, pattern === flaky ? 2 : 1, `one CONSUMER span per delivery of ${pattern}`);
                    for (const consumer of consumers) {
                        strict_1.default.equal(consumer.kind, api_1.SpanKind.CONSUMER);
                        strict_1.default.equal(consumer.spanContext().traceId, producer.spanContext().traceId, 'same trace as the producer');
                        strict_1.default.equal(consumer.parentSpanContext?.spanId, producer.spanContext().spanId, 'child of the producer span');
                        strict_1.default.equal(consumer.attributes[otel_1.MessagingAttributes.SYSTEM], system);
                        strict_1.default.equal(consumer.attributes[otel_1.MessagingAttributes.OPERATION_TYPE], 'process');
                        strict_1.default.ok(String(consumer.attributes[otel_1.MessagingAttributes.DESTINATION] ?? '').length > 0, 'messaging.destination.name');
                        strict_1.default.equal(consumer.name, `process ${String(consumer.attributes[otel_1.MessagingAttributes.DESTINATION])}`);
                        if (system === 'kafka')
                            strict_1.default.equal(typeof consumer.attributes[otel_1.MessagingAttributes.KAFKA_OFFSET], 'number', 'messaging.kafka.offset');
                        else
                            strict_1.default.ok(consumer.attributes[otel_1.MessagingAttributes.MESSAGE_ID], 'messaging.message.id');
                    }
                }
                strict_1.default.equal(deadLetters[0].headers.traceparent, traceparentOf(producersOf(otel, failing)[0]), 'the dead letter kept the trace context header');
                const [okSpan] = consumersOf(otel, ok);
                strict_1.default.equal(okSpan.attributes[otel_1.AckAttributes.OUTCOME], 'ack');
                strict_1.default.equal(okSpan.status.code, api_1.SpanStatusCode.UNSET);
                strict_1.default.equal(inHandler.length, 1);
                const inner = otel.finishedSpans().find((span) => span.spanContext().spanId === inHandler[0].spanId);
                strict_1.default.equal(inner?.parentSpanContext?.spanId, okSpan.spanContext().spanId, 'a span started in the handler is a child of the consumer span');
                const [failedSpan] = consumersOf(otel, failing);
                strict_1.default.equal(failedSpan.attributes[otel_1.AckAttributes.OUTCOME], 'reject');
                strict_1.default.equal(failedSpan.attributes[otel_1.AckAttributes.REJECT_REASON], 'handler-error');
                strict_1.default.equal(failedSpan.status.code, api_1.SpanStatusCode.ERROR);
                strict_1.default.equal(failedSpan.attributes[otel_1.MessagingAttributes.ERROR_TYPE], 'TypeError');
                const flakySpans = consumersOf(otel, flaky).sort((a, b) => Number(a.attributes[otel_1.AckAttributes.DELIVERY_COUNT]) - Number(b.attributes[otel_1.AckAttributes.DELIVERY_COUNT]));
                strict_1.default.deepEqual(flakySpans.map((span) => [span.attributes[otel_1.AckAttributes.DELIVERY_COUNT], span.attributes[otel_1.AckAttributes.OUTCOME], span.status.code]), [
                    [1, 'nack', api_1.SpanStatusCode.ERROR],
                    [2, 'ack', api_1.SpanStatusCode.UNSET],
                ]);
                const settled = (pattern, outcome) => otel.counter(otel_1.AckMetricNames.SETTLED, { [otel_1.AckAttributes.PATTERN]: pattern, [otel_1.AckAttributes.OUTCOME]: outcome, [otel_1.MessagingAttributes.SYSTEM]: system });
                strict_1.default.deepEqual({ okAck: await settled(ok, 'ack'), failingReject: await settled(failing, 'reject'), flakyNack: await settled(flaky, 'nack'), flakyAck: await settled(flaky, 'ack') }, { okAck: 1, failingReject: 1, flakyNack: 1, flakyAck: 1 });
                strict_1.default.equal(await settled(ok, 'nack') + (await settled(ok, 'reject')) + (await settled(failing, 'ack')) + (await settled(failing, 'nack')), 0, 'no other settlement');
                strict_1.default.equal(await otel.counter(otel_1.AckMetricNames.CONSUMED, { [otel_1.AckAttributes.PATTERN]: flaky }), 2);
                strict_1.default.equal(await otel.counter(otel_1.AckMetricNames.PROCESS_DURATION, { [otel_1.AckAttributes.PATTERN]: flaky }), 2, 'two durations recorded');
                for (const pattern of [ok, failing, flaky])
                    strict_1.default.equal(await otel.counter(otel_1.AckMetricNames.SENT, { [otel_1.AckAttributes.PATTERN]: pattern }), 1);
            }
            finally {
                await target.close();
            }
        });
    });
}
function producersOf(otel, pattern) {
    return otel.finishedSpans({ [otel_1.AckAttributes.PATTERN]: pattern, [otel_1.MessagingAttributes.OPERATION_TYPE]: 'send' });
}
function consumersOf(otel, pattern) {
    return otel.finishedSpans({ [otel_1.AckAttributes.PATTERN]: pattern, [otel_1.MessagingAttributes.OPERATION_TYPE]: 'process' });
}
function traceparentOf(span) {
    const { traceId, spanId, traceFlags } = span.spanContext();
    return `00-${traceId}-${spanId}-0${traceFlags.toString(16)}`;
}
//# sourceMappingURL=suite-tracing.js.map