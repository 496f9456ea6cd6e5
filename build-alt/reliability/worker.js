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
// A consumer process of the reliability harness: one Nest microservice on a nestjs-ack server,
// configured by the JSON in env WORKER_CONFIG (see WorkerConfig). It reports to its parent with
// lines on stdout, written with writeSync BEFORE the handler returns (so before its ack): a
// SIGKILL can never leave a settled message unreported.
//
//   ready                          listening
//   ok <id> <deliveryCount> [key]  handler finished (the message counts as processed); key with RELIABILITY_DEBUG=1
//   fail <id> <deliveryCount>      handler threw on purpose (poison / flaky)
//   bad <key> <deliveryCount>      handler saw a bad input (data that is not { id: number })
//   status <name>                  connected | disconnected | reconnecting
//   closed <ms> <startedAfterTerm> <inFlightAtTerm>   SIGTERM handled: close() took ms
//   unhandled <text>               an unhandled rejection or exception (a defect)
//
// Errors and warnings of Nest's logger go to stderr (the parent counts those lines).
require("reflect-metadata");
const node_fs_1 = require("node:fs");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const kafkajs_1 = require("kafkajs");
const kafka_1 = require("../lib/kafka");
const module_1 = require("../lib/module");
const nats_1 = require("../lib/nats");
const postgres_1 = require("../lib/postgres");
const rabbitmq_1 = require("../lib/rabbitmq");
const redis_1 = require("../lib/redis");
const nats_driver_1 = require("./nats-driver");
const postgres_driver_1 = require("./postgres-driver");
const seeded_1 = require("./seeded");
const config = JSON.parse(process.env.WORKER_CONFIG ?? '{}');
const say = (line) => (0, node_fs_1.writeSync)(1, `${line}\n`);
let terminating = false;
let startedAfterTerm = 0;
let inFlight = 0;
function idOf(data) {
    return typeof data === 'object' && data !== null && typeof data.id === 'number' ? data.id : undefined;
}
async function handle(data, context) {
    if (terminating)
        startedAfterTerm++;
    inFlight++;
    try {
        const n = context.getDeliveryCount();
        const id = idOf(data);
        if (id === undefined) {
            // Bad input that reached the handler: say so, then fail (REJECT_ON_ERROR dead-letters it).
            say(`bad ${JSON.stringify(typeof data === 'string' ? data.slice(0, 40) : typeof data)} ${n}`);
            throw new Error('not an item');
        }
        if (config.handlerDelayMs > 0)
            await new Promise((resolve) => setTimeout(resolve, config.handlerDelayMs));
        const poison = config.poisonEvery ? id % config.poisonEvery === config.poisonEvery - 1 : false;
        if (poison || (config.flakyRate && (0, seeded_1.chance)(config.seed ?? 0, id, n) < config.flakyRate)) {
            say(`fail ${id} ${n}`);
            throw new Error(poison ? 'poison message' : 'flaky failure');
        }
        say(process.env.RELIABILITY_DEBUG ? `ok ${id} ${n} ${context.getMessage().key}` : `ok ${id} ${n}`);
        if (config.policy === 'MANUAL')
            await context.ack();
        return { id };
    }
    finally {
        inFlight--;
    }
}
function workerModule(pattern, requestPattern) {
    let ItemController = class ItemController {
        item(data, context) {
            return handle(data, context);
        }
    };
    __decorate([
        (0, microservices_1.EventPattern)(pattern),
        __param(0, (0, microservices_1.Payload)()),
        __param(1, (0, microservices_1.Ctx)()),
        __metadata("design:type", Function),
        __metadata("design:paramtypes", [Object, Function]),
        __metadata("design:returntype", void 0)
    ], ItemController.prototype, "item", null);
    ItemController = __decorate([
        (0, common_1.Controller)()
    ], ItemController);
    let RequestController = class RequestController {
        request(data, context) {
            return handle(data, context);
        }
    };
    __decorate([
        __param(0, (0, microservices_1.Payload)()),
        __param(1, (0, microservices_1.Ctx)()),
        __metadata("design:type", Function),
        __metadata("design:paramtypes", [Object, Function]),
        __metadata("design:returntype", void 0)
    ], RequestController.prototype, "request", null);
    RequestController = __decorate([
        (0, common_1.Controller)()
    ], RequestController);
    if (requestPattern) {
        const descriptor = Object.getOwnPropertyDescriptor(RequestController.prototype, 'request');
        (0, microservices_1.MessagePattern)(requestPattern)(RequestController.prototype, 'request', descriptor);
    }
    let WorkerModule = class WorkerModule {
    };
    WorkerModule = __decorate([
        (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: requestPattern ? [ItemController, RequestController] : [ItemController] })
    ], WorkerModule);
    return WorkerModule;
}
function createServer() {
    const retry = { maxDeliveries: config.maxDeliveries ?? 5, backoff: { type: 'fixed', initialDelayMs: config.backoffMs ?? 20, jitter: 0 } };
    const common = { defaultPolicy: config.policy, concurrency: config.concurrency, retry, shutdownTimeoutMs: config.shutdownTimeoutMs ?? 10_000, maxBodyBytes: config.maxBodyBytes };
    const reconnect = { initialDelayMs: 100, maxDelayMs: 1000 };
    const redeliverAfterMs = config.redeliverAfterMs ?? 2000;
    switch (config.transport) {
        case 'rabbitmq':
            return new rabbitmq_1.RabbitAckServer({ ...common, urls: config.addresses, queue: config.queue, prefetch: config.prefetch, reconnect });
        case 'nats':
            return new nats_1.NatsAckServer({
                ...common,
                servers: config.addresses,
                connectionOptions: { maxReconnectAttempts: -1, reconnectTimeWait: 100 },
                stream: (0, nats_driver_1.natsStreamName)(config.queue),
                ensureStream: true,
                ackWaitMs: redeliverAfterMs,
                // Pull half the window: with batchSize equal to maxAckPending, nats-server 2.9.10 was seen (3 of 5 kills) to
                // hand one delivery of a killed consumer's window to the new one twice and leave another ack-pending for good.
                batchSize: config.natsWindow ? Number(process.env.NATS_BATCH_FACTOR ?? 0.5) * config.natsWindow : undefined,
                maxAckPending: config.natsWindow,
            });
        case 'redis':
            return new redis_1.RedisAckServer({ ...common, connection: config.addresses[0], group: config.groupId, minIdleMs: redeliverAfterMs, claimIntervalMs: 200, blockMs: 500, reconnect });
        case 'postgres':
            return new postgres_1.PostgresAckServer({
                ...common,
                connection: { connectionString: config.addresses[0], max: 5 },
                table: (0, postgres_driver_1.postgresTable)(config.queue),
                queue: postgres_driver_1.POSTGRES_QUEUE,
                createSchema: true,
                leaseMs: redeliverAfterMs,
                pollIntervalMs: 200,
                reconnect,
            });
        default:
            break;
    }
    return new kafka_1.KafkaAckServer({
        ...common,
        brokers: config.addresses,
        groupId: config.groupId,
        topics: config.extraTopics,
        fromBeginning: true,
        sessionTimeout: 6000,
        heartbeatInterval: 500,
        rebalanceTimeout: 6000,
        maxWaitTimeInMs: 50,
        commitInterval: 20,
        commitEveryN: config.commitEveryN,
        maxUncommittedPerPartition: config.maxUncommittedPerPartition,
        logLevel: kafkajs_1.logLevel.NOTHING,
    });
}
async function main() {
    process.on('unhandledRejection', (reason) => say(`unhandled ${String(reason?.stack ?? reason).replace(/\s+/g, ' ').slice(0, 300)}`));
    process.on('uncaughtException', (error) => {
        say(`unhandled ${String(error?.stack ?? error).replace(/\s+/g, ' ').slice(0, 300)}`);
        process.exit(3);
    });
    const server = createServer();
    for (const name of ['connected', 'disconnected', 'reconnecting'])
        server.on(name, () => say(`status ${name}`));
    server.on('error', () => undefined); // counted through the logger's lines
    const levels = ['error', 'warn', 'fatal'];
    const app = await core_1.NestFactory.createMicroservice(workerModule(config.pattern, config.requestPattern), {
        strategy: server,
        logger: levels,
        bufferLogs: false,
    });
    // Nest's console logger writes to stdout for some levels: send everything to stderr.
    app.useLogger({
        log: () => undefined,
        error: (...args) => (0, node_fs_1.writeSync)(2, `${args.map(String).join(' ').slice(0, 500)}\n`),
        warn: (...args) => (0, node_fs_1.writeSync)(2, `${args.map(String).join(' ').slice(0, 500)}\n`),
        fatal: (...args) => (0, node_fs_1.writeSync)(2, `${args.map(String).join(' ').slice(0, 500)}\n`),
    });
    process.on('SIGTERM', () => {
        if (terminating)
            return; // a second signal changes nothing
        terminating = true;
        const inFlightAtTerm = inFlight;
        const t0 = Date.now();
        void app.close().then(() => {
            say(`closed ${Date.now() - t0} ${startedAfterTerm} ${inFlightAtTerm}`);
            process.exit(0);
        }, (error) => {
            say(`unhandled close failed: ${String(error)}`);
            process.exit(4);
        });
    });
    await app.listen();
    say('ready');
    if (process.env.RELIABILITY_DEBUG && config.transport === 'postgres') {
        const pool = server.pool;
        setInterval(() => (0, node_fs_1.writeSync)(2, `pool total ${pool.totalCount} idle ${pool.idleCount} waiting ${pool.waitingCount} status ${server.status ?? ''}\n`), 500).unref();
    }
}
main().catch((error) => {
    (0, node_fs_1.writeSync)(2, `worker failed to start: ${error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 8).join(" <- ") : String(error)}\n`);
    process.exit(1);
});
//# sourceMappingURL=worker.js.map