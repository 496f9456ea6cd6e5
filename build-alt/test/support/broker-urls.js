"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.brokerUrls = void 0;
/** Broker addresses for tests and scripts: environment variables, with this machine's local defaults. */
exports.brokerUrls = {
    rabbitmq: process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    nats: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    redis: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    postgres: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    kafka: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((broker) => broker.trim()),
};
//# sourceMappingURL=broker-urls.js.map