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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const common_1 = require("@nestjs/common");
const microservices_1 = require("@nestjs/microservices");
const core_1 = require("@nestjs/core");
const jetstream_1 = require("@nats-io/jetstream");
const nats_1 = require("../../lib/nats");
const nats_version_1 = require("../../lib/nats/nats-version");
const nats_broker_1 = require("../support/nats-broker");
const names_1 = require("../support/names");
const rabbit_conformance_adapter_1 = require("../support/rabbit-conformance-adapter");
const SUBJECT = (0, names_1.uniqueName)('startup');
let OneController = class OneController {
    handle() { }
};
__decorate([
    (0, microservices_1.EventPattern)(SUBJECT),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], OneController.prototype, "handle", null);
OneController = __decorate([
    (0, common_1.Controller)()
], OneController);
let OneModule = class OneModule {
};
OneModule = __decorate([
    (0, common_1.Module)({ controllers: [OneController] })
], OneModule);
let ObjectPatternController = class ObjectPatternController {
    handle() { }
};
__decorate([
    (0, microservices_1.EventPattern)({ cmd: 'not-a-subject' }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], ObjectPatternController.prototype, "handle", null);
ObjectPatternController = __decorate([
    (0, common_1.Controller)()
], ObjectPatternController);
let ObjectPatternModule = class ObjectPatternModule {
};
ObjectPatternModule = __decorate([
    (0, common_1.Module)({ controllers: [ObjectPatternController] })
], ObjectPatternModule);
/** Starts an app and returns listen()'s error (or fails when it starts). */
async function startError(module, options) {
    const server = new nats_1.NatsAckServer({ servers: nats_broker_1.NATS_URL, ...options });
    const logged = [];
    server.on('error', (error) => logged.push(error.message));
    const app = await core_1.NestFactory.createMicroservice(module, { strategy: server, logger: rabbit_conformance_adapter_1.testLogLevels });
    try {
        await app.listen();
    }
    catch (error) {
        strict_1.default.ok(logged.every((line) => !/s3cret/.test(line)), 'no credentials in error events');
        return error;
    }
    finally {
        await app.close().catch(() => undefined);
    }
    strict_1.default.fail('the start should have failed');
}
(0, node_test_1.describe)('NATS start-up errors name what is missing', () => {
    let admin;
    const streams = [];
    (0, node_test_1.before)(async () => (admin = await (0, nats_broker_1.natsAdmin)()));
    (0, node_test_1.after)(async () => {
        await (0, nats_broker_1.deleteStreams)(admin, ...streams);
        await admin.nc.close();
    });
    (0, node_test_1.it)('a missing stream without ensureStream', { timeout: 30_000 }, async () => {
        const stream = (0, nats_broker_1.uniqueStream)('missing');
        const error = await startError(OneModule, { stream });
        strict_1.default.equal(error.name, 'NatsMissingResourceError');
        strict_1.default.match(error.message, new RegExp(`stream "${stream}" does not exist; create it, or set the option ensureStream`));
        strict_1.default.equal(await admin.jsm.streams.info(stream).then(() => true, () => false), false, 'nothing was created');
    });
    (0, node_test_1.it)('a missing dead-letter stream without ensureStream', { timeout: 30_000 }, async () => {
        const stream = (0, nats_broker_1.uniqueStream)('nodlq');
        streams.push(stream);
        await admin.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
        const error = await startError(OneModule, { stream, subjects: [`${stream}.a`] });
        strict_1.default.equal(error.name, 'NatsMissingResourceError');
        strict_1.default.match(error.message, new RegExp(`stream "${stream}_DLQ" does not exist.*deadLetter: false`));
    });
    (0, node_test_1.it)('a missing consumer with ensureConsumer false', { timeout: 30_000 }, async () => {
        const stream = (0, nats_broker_1.uniqueStream)('noconsumer');
        streams.push(stream, `${stream}_DLQ`);
        const error = await startError(OneModule, { stream, ensureStream: true, ensureConsumer: false, consumer: 'orders' });
        strict_1.default.equal(error.name, 'NatsMissingResourceError');
        strict_1.default.match(error.message, new RegExp(`consumer "${stream}/orders" does not exist; create it \\(filtering ${SUBJECT.replace(/\./g, '\\.')}\\)`));
    });
    (0, node_test_1.it)('an existing consumer whose max_deliver would drop messages before our reject', { timeout: 30_000 }, async () => {
        const stream = (0, nats_broker_1.uniqueStream)('maxdeliver');
        streams.push(stream, `${stream}_DLQ`);
        await admin.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
        await admin.jsm.streams.add({ name: `${stream}_DLQ`, subjects: [`dead-letter.${stream}.>`] });
        await admin.jsm.consumers.add(stream, { durable_name: 'orders', ack_policy: jetstream_1.AckPolicy.Explicit, max_deliver: 3, filter_subject: `${stream}.a` });
        const error = await startError(OneModule, { stream, subjects: [`${stream}.a`], ensureConsumer: false, consumer: 'orders', retry: { maxDeliveries: 5 } });
        strict_1.default.equal(error.name, 'NatsConsumerConfigError');
        strict_1.default.match(error.message, /max_deliver 3.*retry\.maxDeliveries=5; set it to -1/);
    });
    (0, node_test_1.it)('with ensureConsumer (the default) an existing consumer is brought to max_deliver -1', { timeout: 30_000 }, async () => {
        const stream = (0, nats_broker_1.uniqueStream)('fixconsumer');
        streams.push(stream, `${stream}_DLQ`);
        await admin.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
        await admin.jsm.consumers.add(stream, { durable_name: 'orders', ack_policy: jetstream_1.AckPolicy.Explicit, max_deliver: 3, filter_subject: `${stream}.a` });
        const server = new nats_1.NatsAckServer({ servers: nats_broker_1.NATS_URL, stream, ensureStream: true, subjects: [`${stream}.a`], consumer: 'orders' });
        const app = await core_1.NestFactory.createMicroservice(OneModule, { strategy: server, logger: rabbit_conformance_adapter_1.testLogLevels });
        await app.listen();
        await app.close();
        const info = await admin.jsm.consumers.info(stream, 'orders');
        strict_1.default.equal(info.config.max_deliver, -1);
        strict_1.default.equal(info.config.ack_wait, 30_000_000_000);
    });
    (0, node_test_1.it)('ensureStream adds the subjects an existing stream lacks and keeps its own', { timeout: 30_000 }, async () => {
        const stream = (0, nats_broker_1.uniqueStream)('extend');
        streams.push(stream, `${stream}_DLQ`);
        await admin.jsm.streams.add({ name: stream, subjects: [`${stream}.own`, `${stream}.a.*`] });
        const server = new nats_1.NatsAckServer({ servers: nats_broker_1.NATS_URL, stream, ensureStream: true, subjects: [`${stream}.a.x`, `${stream}.b`] });
        const app = await core_1.NestFactory.createMicroservice(OneModule, { strategy: server, logger: rabbit_conformance_adapter_1.testLogLevels });
        await app.listen();
        await app.close();
        const info = await admin.jsm.streams.info(stream);
        strict_1.default.deepEqual(info.config.subjects, [`${stream}.own`, `${stream}.a.*`, `${stream}.b`], 'only the uncovered subject added');
        const expected = (0, nats_version_1.serverAtLeast)(admin.nc.info?.version, 2, 10) ? 1 : 2;
        strict_1.default.equal(server.consumerPlans.length, expected, 'one consumer per subject before 2.10, one with filter_subjects from 2.10');
    });
    (0, node_test_1.it)('an unreachable server fails the start without showing the credentials in its URL', { timeout: 30_000 }, async () => {
        const error = await startError(OneModule, { stream: (0, nats_broker_1.uniqueStream)('unreachable'), servers: 'nats://svc:s3cret@127.0.0.1:1' });
        strict_1.default.equal(error.name, 'ConnectionError');
        strict_1.default.doesNotMatch(`${error.message} ${error.stack} ${JSON.stringify(error)}`, /s3cret/);
    });
    (0, node_test_1.it)('handler patterns that are not subjects need the subjects option', { timeout: 30_000 }, async () => {
        const error = await startError(ObjectPatternModule, { stream: (0, nats_broker_1.uniqueStream)('objpattern'), ensureStream: true });
        strict_1.default.equal(error.name, 'InvalidOptionError');
        strict_1.default.match(error.message, /subjects.*not all NATS subjects/);
    });
});
//# sourceMappingURL=startup-errors-nats.test.js.map