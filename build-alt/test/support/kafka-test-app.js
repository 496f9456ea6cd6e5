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
Object.defineProperty(exports, "__esModule", { value: true });
exports.handlerModule = handlerModule;
exports.startKafkaApp = startKafkaApp;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const core_2 = require("../../lib/core");
const module_1 = require("../../lib/module");
const kafka_1 = require("../../lib/kafka");
const kafka_conformance_adapter_1 = require("./kafka-conformance-adapter");
const kafka_broker_1 = require("./kafka-broker");
const rabbit_conformance_adapter_1 = require("./rabbit-conformance-adapter");
/** A module with one handler on `topic` under `policy`, with AckModule's filter. */
function handlerModule(topic, handler, policy, kind = 'event') {
    let TopicController = class TopicController {
        handle(data, context) {
            return handler(data, context);
        }
    };
    __decorate([
        __param(0, (0, microservices_1.Payload)()),
        __param(1, (0, microservices_1.Ctx)()),
        __metadata("design:type", Function),
        __metadata("design:paramtypes", [Object, kafka_1.KafkaAckContext]),
        __metadata("design:returntype", Object)
    ], TopicController.prototype, "handle", null);
    TopicController = __decorate([
        (0, common_1.Controller)()
    ], TopicController);
    const proto = TopicController.prototype;
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'handle');
    (kind === 'event' ? (0, microservices_1.EventPattern)(topic) : (0, microservices_1.MessagePattern)(topic))(proto, 'handle', descriptor);
    if (policy)
        (0, core_2.AckPolicy)(policy)(proto, 'handle', descriptor);
    let TopicModule = class TopicModule {
    };
    TopicModule = __decorate([
        (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [TopicController] })
    ], TopicModule);
    return TopicModule;
}
/** Starts a Nest microservice on a `KafkaAckServer` with fast test settings. */
async function startKafkaApp(module, options) {
    const server = new kafka_1.KafkaAckServer({ ...kafka_conformance_adapter_1.FAST_KAFKA, brokers: kafka_broker_1.KAFKA_BROKERS, fromBeginning: true, ...options });
    const app = await core_1.NestFactory.createMicroservice(module, { strategy: server, logger: rabbit_conformance_adapter_1.testLogLevels });
    await app.listen();
    return { app, server };
}
//# sourceMappingURL=kafka-test-app.js.map