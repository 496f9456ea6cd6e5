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
const kafkajs_1 = require("kafkajs");
const rxjs_1 = require("rxjs");
const kafka_1 = require("../../lib/kafka");
const kafka_broker_1 = require("../support/kafka-broker");
const names_1 = require("../support/names");
const ORDERS = Symbol('ORDERS');
const ORDERS_CONFIG = 'ORDERS_CONFIG';
const LOG_LEVEL = process.env.TEST_LOG ? kafkajs_1.logLevel.WARN : kafkajs_1.logLevel.NOTHING;
let OrdersPublisher = class OrdersPublisher {
    client;
    constructor(client) {
        this.client = client;
    }
};
OrdersPublisher = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(ORDERS)),
    __metadata("design:paramtypes", [microservices_1.ClientProxy])
], OrdersPublisher);
/** Emits through the ClientProxy Nest injected (the pattern is the topic); the app's close closes the client. */
async function emitThrough(clients, topic, data) {
    let AppModule = class AppModule {
    };
    AppModule = __decorate([
        (0, common_1.Module)({ imports: [clients], providers: [OrdersPublisher] })
    ], AppModule);
    const app = await core_1.NestFactory.createApplicationContext(AppModule, { logger: false });
    try {
        const { client } = app.get(OrdersPublisher);
        strict_1.default.ok(client instanceof kafka_1.KafkaAckClient, 'Nest built the custom class');
        await (0, rxjs_1.lastValueFrom)(client.emit(topic, data)); // resolves once the broker stored it (acks=-1)
    }
    finally {
        await app.close();
    }
}
async function newTopic() {
    const topic = (0, names_1.uniqueName)('clients-module');
    topics.push(topic);
    await (0, kafka_broker_1.createTopic)(topic);
    return topic;
}
async function assertOnBroker(topic, data) {
    const records = await (0, kafka_broker_1.readTopic)(topic);
    strict_1.default.equal(records.length, 1, 'one record on the topic');
    strict_1.default.deepEqual(JSON.parse(records[0].value.toString('utf8')), data);
}
const topics = [];
(0, node_test_1.describe)('KafkaAckClient through ClientsModule', () => {
    (0, node_test_1.after)(async () => {
        await (0, kafka_broker_1.deleteTopicsAndGroups)(topics);
        await (0, kafka_broker_1.closeSharedAdmin)();
    });
    (0, node_test_1.it)('register([{ name, customClass: KafkaAckClient, options }]): an injected ClientProxy produces to the topic', async () => {
        const topic = await newTopic();
        const options = { brokers: kafka_broker_1.KAFKA_BROKERS, clientId: 'clients-module-test', logLevel: LOG_LEVEL };
        await emitThrough(microservices_1.ClientsModule.register([{ name: ORDERS, customClass: kafka_1.KafkaAckClient, options }]), topic, { id: 'o-1' });
        await assertOnBroker(topic, { id: 'o-1' });
    });
    (0, node_test_1.it)('registerAsync([{ name, useFactory, inject }]): the options come from a provider', async () => {
        const topic = await newTopic();
        const config = { module: class ConfigModule {
            }, providers: [{ provide: ORDERS_CONFIG, useValue: { brokers: kafka_broker_1.KAFKA_BROKERS } }], exports: [ORDERS_CONFIG] };
        const clients = microservices_1.ClientsModule.registerAsync([
            {
                name: ORDERS,
                imports: [config],
                inject: [ORDERS_CONFIG],
                useFactory: ({ brokers }) => ({
                    customClass: kafka_1.KafkaAckClient,
                    options: { brokers, clientId: 'clients-module-test', logLevel: LOG_LEVEL },
                }),
            },
        ]);
        await emitThrough(clients, topic, { id: 'o-2' });
        await assertOnBroker(topic, { id: 'o-2' });
    });
});
//# sourceMappingURL=clients-module-kafka.test.js.map