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
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const api_1 = require("@opentelemetry/api");
const sdk_trace_base_1 = require("@opentelemetry/sdk-trace-base");
const rxjs_1 = require("rxjs");
const lib_1 = require("../../../lib");
const otel_1 = require("../../../lib/otel");
const testing_1 = require("../../../lib/testing");
const otel_sdk_1 = require("../../support/otel-sdk");
const wait_for_1 = require("../../support/wait-for");
const seenHeaders = [];
let OrdersController = class OrdersController {
    created(ctx) {
        seenHeaders.push(ctx.getHeaders());
    }
    invalid() {
        throw new lib_1.RejectMessage({ reason: 'invalid-order' });
    }
    audit() {
        throw new RangeError('audit store down');
    }
    total(data) {
        return data.items.reduce((sum, item) => sum + item, 0);
    }
};
__decorate([
    (0, microservices_1.EventPattern)('order.created'),
    __param(0, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [lib_1.AckContext]),
    __metadata("design:returntype", void 0)
], OrdersController.prototype, "created", null);
__decorate([
    (0, microservices_1.EventPattern)('order.invalid'),
    (0, lib_1.AckPolicy)('NACK_ON_ERROR'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], OrdersController.prototype, "invalid", null);
__decorate([
    (0, microservices_1.EventPattern)('order.audit'),
    (0, lib_1.AckPolicy)('ACK'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], OrdersController.prototype, "audit", null);
__decorate([
    (0, microservices_1.MessagePattern)('order.total'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Number)
], OrdersController.prototype, "total", null);
OrdersController = __decorate([
    (0, common_1.Controller)()
], OrdersController);
let OrdersModule = class OrdersModule {
};
OrdersModule = __decorate([
    (0, common_1.Module)({ imports: [lib_1.AckModule.forRoot()], controllers: [OrdersController] })
], OrdersModule);
/** An in-memory app on a fresh queue; `settled` collects its settlement events. */
async function startApp() {
    const broker = new testing_1.InMemoryBroker();
    const server = new testing_1.InMemoryAckServer({ broker, queue: 'orders' });
    const app = await core_1.NestFactory.createMicroservice(OrdersModule, { strategy: server, logger: false });
    const settled = [];
    server.on('settled', (event) => settled.push(event));
    await app.listen();
    const client = new testing_1.InMemoryAckClient({ broker, queue: 'orders' });
    return {
        broker,
        client,
        settled,
        emit: (data) => (0, rxjs_1.lastValueFrom)(client.emit('order.created', data), { defaultValue: undefined }),
        close: async () => {
            client.close();
            await app.close();
        },
    };
}
(0, node_test_1.describe)('instrumentAck() on the in-memory transport', () => {
    const otel = new otel_sdk_1.TestOtel();
    let instrumentation;
    (0, node_test_1.before)(() => otel.install());
    (0, node_test_1.afterEach)(() => {
        instrumentation?.disable();
        otel.spans.reset();
        seenHeaders.length = 0;
    });
    (0, node_test_1.after)(() => otel.uninstall());
    (0, node_test_1.it)('puts traceparent in the headers; disable() stops spans, headers and measurements', async () => {
        const app = await startApp();
        try {
            instrumentation = (0, otel_1.instrumentAck)();
            await app.emit({ id: 1 });
            await (0, wait_for_1.waitFor)(() => app.settled.length === 1);
            strict_1.default.match(seenHeaders[0].traceparent ?? '', /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
            strict_1.default.equal(otel.finishedSpans().length, 2, 'a producer and a consumer span');
            const sent = await otel.counter(otel_1.AckMetricNames.SENT, {});
            instrumentation.disable();
            await app.emit({ id: 2 });
            await (0, wait_for_1.waitFor)(() => app.settled.length === 2);
            strict_1.default.deepEqual(seenHeaders[1], {}, 'no trace context once disabled');
            strict_1.default.equal(otel.finishedSpans().length, 2, 'no new span once disabled');
            strict_1.default.equal(await otel.counter(otel_1.AckMetricNames.SENT, {}), sent, 'no new measurement once disabled');
        }
        finally {
            await app.close();
        }
    });
    (0, node_test_1.it)("consumerSpan: 'link' starts a new trace linked to the producer's span; a tracerProvider option wins over the global one", async () => {
        const exporter = new sdk_trace_base_1.InMemorySpanExporter();
        const provider = new sdk_trace_base_1.BasicTracerProvider({ spanProcessors: [new sdk_trace_base_1.SimpleSpanProcessor(exporter)] });
        const app = await startApp();
        try {
            instrumentation = (0, otel_1.instrumentAck)({ consumerSpan: 'link', tracerProvider: provider, metrics: false });
            await app.emit({ id: 1 });
            await (0, wait_for_1.waitFor)(() => app.settled.length === 1);
            strict_1.default.equal(otel.finishedSpans().length, 0, 'nothing went to the global provider');
            const producer = exporter.getFinishedSpans().find((span) => span.kind === api_1.SpanKind.PRODUCER);
            const consumer = exporter.getFinishedSpans().find((span) => span.kind === api_1.SpanKind.CONSUMER);
            strict_1.default.equal(consumer.parentSpanContext, undefined, 'a root span');
            strict_1.default.notEqual(consumer.spanContext().traceId, producer.spanContext().traceId);
            strict_1.default.deepEqual(consumer.links.map((link) => link.context.spanId), [producer.spanContext().spanId]);
        }
        finally {
            await app.close();
            await provider.shutdown();
        }
    });
    (0, node_test_1.it)('a request: the PRODUCER span of send() is the parent of the CONSUMER span, and the reply still arrives', async () => {
        const app = await startApp();
        try {
            instrumentation = (0, otel_1.instrumentAck)();
            const total = await (0, rxjs_1.lastValueFrom)(app.client.send('order.total', { items: [1, 2, 3] }));
            strict_1.default.equal(total, 6);
            await (0, wait_for_1.waitFor)(() => otel.finishedSpans({ [otel_1.MessagingAttributes.OPERATION_TYPE]: 'process' }).length === 1);
            const [producer] = otel.finishedSpans({ [otel_1.MessagingAttributes.OPERATION_TYPE]: 'send' });
            const [consumer] = otel.finishedSpans({ [otel_1.MessagingAttributes.OPERATION_TYPE]: 'process' });
            strict_1.default.equal(consumer.parentSpanContext?.spanId, producer.spanContext().spanId);
            strict_1.default.equal(consumer.attributes[otel_1.AckAttributes.PATTERN], 'order.total');
            strict_1.default.ok(consumer.attributes[otel_1.MessagingAttributes.CONVERSATION_ID], 'the request id as conversation id');
            strict_1.default.equal(consumer.attributes[otel_1.AckAttributes.OUTCOME], 'ack');
        }
        finally {
            await app.close();
        }
    });
    (0, node_test_1.it)('status ERROR only for a handler error, whatever the settlement: not for a control exception', async () => {
        const app = await startApp();
        try {
            instrumentation = (0, otel_1.instrumentAck)();
            await (0, rxjs_1.lastValueFrom)(app.client.emit('order.invalid', {}), { defaultValue: undefined });
            await (0, rxjs_1.lastValueFrom)(app.client.emit('order.audit', {}), { defaultValue: undefined });
            await (0, wait_for_1.waitFor)(() => otel.finishedSpans({ [otel_1.MessagingAttributes.OPERATION_TYPE]: 'process' }).length === 2);
            const [invalid] = otel.finishedSpans({ [otel_1.AckAttributes.PATTERN]: 'order.invalid', [otel_1.MessagingAttributes.OPERATION_TYPE]: 'process' });
            strict_1.default.deepEqual([invalid.attributes[otel_1.AckAttributes.OUTCOME], invalid.attributes[otel_1.AckAttributes.REJECT_REASON], invalid.status.code], ['reject', 'invalid-order', api_1.SpanStatusCode.UNSET]);
            const [audit] = otel.finishedSpans({ [otel_1.AckAttributes.PATTERN]: 'order.audit', [otel_1.MessagingAttributes.OPERATION_TYPE]: 'process' });
            strict_1.default.deepEqual([audit.attributes[otel_1.AckAttributes.OUTCOME], audit.attributes[otel_1.MessagingAttributes.ERROR_TYPE], audit.status.code], ['ack', 'RangeError', api_1.SpanStatusCode.ERROR]);
            strict_1.default.equal(audit.events[0]?.name, 'exception', 'the error recorded on the span');
        }
        finally {
            await app.close();
        }
    });
    (0, node_test_1.it)('traces: false records the counters only, and carries no trace context', async () => {
        const app = await startApp();
        try {
            instrumentation = (0, otel_1.instrumentAck)({ traces: false });
            const before = await otel.counter(otel_1.AckMetricNames.SETTLED, { [otel_1.AckAttributes.OUTCOME]: 'ack', [otel_1.AckAttributes.PATTERN]: 'order.created' });
            await app.emit({ id: 1 });
            await (0, wait_for_1.waitFor)(() => app.settled.length === 1);
            strict_1.default.deepEqual(seenHeaders[0], {});
            strict_1.default.equal(otel.finishedSpans().length, 0);
            strict_1.default.equal(await otel.counter(otel_1.AckMetricNames.SETTLED, { [otel_1.AckAttributes.OUTCOME]: 'ack', [otel_1.AckAttributes.PATTERN]: 'order.created' }), before + 1);
        }
        finally {
            await app.close();
        }
    });
    (0, node_test_1.it)('an unknown pattern is counted as _OTHER (senders choose patterns; metric series stay bounded)', async () => {
        const app = await startApp();
        try {
            instrumentation = (0, otel_1.instrumentAck)();
            await (0, rxjs_1.lastValueFrom)(app.client.emit('made.up.by.a.sender', {}), { defaultValue: undefined });
            await (0, wait_for_1.waitFor)(() => app.settled.length === 1);
            strict_1.default.equal(await otel.counter(otel_1.AckMetricNames.SETTLED, { [otel_1.AckAttributes.PATTERN]: 'made.up.by.a.sender' }), 0);
            strict_1.default.equal(await otel.counter(otel_1.AckMetricNames.SETTLED, { [otel_1.AckAttributes.PATTERN]: '_OTHER', [otel_1.AckAttributes.OUTCOME]: 'reject', [otel_1.AckAttributes.REJECT_REASON]: 'no-handler' }), 1);
        }
        finally {
            await app.close();
        }
    });
    (0, node_test_1.it)('a caller with an active span: every span of the exchange joins its trace', async () => {
        const app = await startApp();
        try {
            instrumentation = (0, otel_1.instrumentAck)();
            const traceId = await api_1.trace.getTracer('test').startActiveSpan('caller', async (span) => {
                await app.emit({ id: 1 });
                span.end();
                return span.spanContext().traceId;
            });
            await (0, wait_for_1.waitFor)(() => app.settled.length === 1);
            strict_1.default.deepEqual(new Set(otel.finishedSpans().map((span) => span.spanContext().traceId)), new Set([traceId]));
        }
        finally {
            await app.close();
        }
    });
});
//# sourceMappingURL=instrument-ack.test.js.map