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
import 'reflect-metadata';
import { writeSync } from 'node:fs';
import { Controller, Module, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { logLevel } from 'kafkajs';
import type { AckContext, AckPolicy, AckServer, InboundMessage } from '../lib/core';
import { KafkaAckServer } from '../lib/kafka';
import { AckModule } from '../lib/module';
import { NatsAckServer } from '../lib/nats';
import { PostgresAckServer } from '../lib/postgres';
import { RabbitAckServer } from '../lib/rabbitmq';
import { RedisAckServer } from '../lib/redis';
import type { Transport } from './drivers';
import { natsStreamName } from './nats-driver';
import { POSTGRES_QUEUE, postgresTable } from './postgres-driver';
import { chance } from './seeded';

export interface WorkerConfig {
  transport: Transport;
  /** RabbitMQ URLs, Kafka brokers, NATS servers; Redis and PostgreSQL: one URL. */
  addresses: string[];
  /** The harness's stream name: RabbitMQ queue, Kafka topic, Redis stream; NATS stream and PostgreSQL table are made of it. */
  queue: string;
  /** The item handler's pattern (`@EventPattern`). */
  pattern: string;
  /** Kafka, Redis: group id. Kafka: topics subscribed without a handler (their records are `no-handler`). */
  groupId?: string;
  extraTopics?: string[];
  /** Pattern of a request handler (`@MessagePattern`), besides the event handler; none when absent. */
  requestPattern?: string;
  policy: AckPolicy;
  concurrency: number;
  /** RabbitMQ prefetch. */
  prefetch?: number;
  /** Kafka commitEveryN. */
  commitEveryN?: number;
  /** Kafka maxUncommittedPerPartition (the SIGKILL window per partition). */
  maxUncommittedPerPartition?: number;
  /** NATS maxAckPending (deliveries out at once, unacked); batchSize is half of it. */
  natsWindow?: number;
  /** NATS ackWaitMs, Redis minIdleMs, PostgreSQL leaseMs: when an unsettled delivery of a dead consumer comes back. */
  redeliverAfterMs?: number;
  maxMessageBytes?: number;
  handlerDelayMs: number;
  /** Ids with id % poisonEvery === poisonEvery - 1 always throw (0: none). */
  poisonEvery?: number;
  /** Share of deliveries that throw, decided by (seed, id, delivery count). */
  flakyRate?: number;
  seed?: number;
  maxDeliveries?: number;
  backoffMs?: number;
  shutdownTimeoutMs?: number;
}

const config = JSON.parse(process.env.WORKER_CONFIG ?? '{}') as WorkerConfig;
const say = (line: string) => writeSync(1, `${line}\n`);

let terminating = false;
let startedAfterTerm = 0;
let inFlight = 0;

function idOf(data: unknown): number | undefined {
  return typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'number' ? (data as { id: number }).id : undefined;
}

async function handle(data: unknown, context: AckContext<InboundMessage>): Promise<unknown> {
  if (terminating) startedAfterTerm++;
  inFlight++;
  try {
    const n = context.getDeliveryCount();
    const id = idOf(data);
    if (id === undefined) {
      // Bad input that reached the handler: say so, then fail (REJECT_ON_ERROR dead-letters it).
      say(`bad ${JSON.stringify(typeof data === 'string' ? data.slice(0, 40) : typeof data)} ${n}`);
      throw new Error('not an item');
    }
    if (config.handlerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.handlerDelayMs));
    const poison = config.poisonEvery ? id % config.poisonEvery === config.poisonEvery - 1 : false;
    if (poison || (config.flakyRate && chance(config.seed ?? 0, id, n) < config.flakyRate)) {
      say(`fail ${id} ${n}`);
      throw new Error(poison ? 'poison message' : 'flaky failure');
    }
    say(process.env.RELIABILITY_DEBUG ? `ok ${id} ${n} ${context.getMessage().key}` : `ok ${id} ${n}`);
    if (config.policy === 'MANUAL') await context.ack();
    return { id };
  } finally {
    inFlight--;
  }
}

function workerModule(pattern: string, requestPattern?: string) {
  @Controller()
  class ItemController {
    @EventPattern(pattern)
    item(@Payload() data: unknown, @Ctx() context: AckContext<InboundMessage>) {
      return handle(data, context);
    }
  }
  @Controller()
  class RequestController {
    request(@Payload() data: unknown, @Ctx() context: AckContext<InboundMessage>) {
      return handle(data, context);
    }
  }
  if (requestPattern) {
    const descriptor = Object.getOwnPropertyDescriptor(RequestController.prototype, 'request')!;
    MessagePattern(requestPattern)(RequestController.prototype, 'request', descriptor);
  }
  @Module({ imports: [AckModule.forRoot()], controllers: requestPattern ? [ItemController, RequestController] : [ItemController] })
  class WorkerModule {}
  return WorkerModule;
}

function createServer(): AckServer<InboundMessage> {
  const retry = { maxDeliveries: config.maxDeliveries ?? 5, backoff: { type: 'fixed' as const, initialDelayMs: config.backoffMs ?? 20, jitter: 0 } };
  const common = { defaultPolicy: config.policy, concurrency: config.concurrency, retry, shutdownTimeoutMs: config.shutdownTimeoutMs ?? 10_000, maxMessageBytes: config.maxMessageBytes };
  const reconnect = { initialDelayMs: 100, maxDelayMs: 1000 };
  const redeliverAfterMs = config.redeliverAfterMs ?? 2000;
  switch (config.transport) {
    case 'rabbitmq':
      return new RabbitAckServer({ ...common, urls: config.addresses, queue: config.queue, prefetch: config.prefetch, reconnect }) as unknown as AckServer<InboundMessage>;
    case 'nats':
      return new NatsAckServer({
        ...common,
        servers: config.addresses,
        connectionOptions: { maxReconnectAttempts: -1, reconnectTimeWait: 100 },
        stream: natsStreamName(config.queue),
        ensureStream: true,
        ackWaitMs: redeliverAfterMs,
        // The whole window pulled at once: the case that once seemed to leave a delivery ack-pending after a kill
        // (it was the harness stopping the new worker before the dead one's deliveries came back after ackWaitMs).
        batchSize: config.natsWindow,
        maxAckPending: config.natsWindow,
      }) as unknown as AckServer<InboundMessage>;
    case 'redis':
      return new RedisAckServer({ ...common, connection: config.addresses[0], group: config.groupId!, minIdleMs: redeliverAfterMs, claimIntervalMs: 200, blockMs: 500, reconnect }) as unknown as AckServer<InboundMessage>;
    case 'postgres':
      return new PostgresAckServer({
        ...common,
        connection: { connectionString: config.addresses[0], max: 5 },
        table: postgresTable(config.queue),
        queue: POSTGRES_QUEUE,
        createSchema: true,
        leaseMs: redeliverAfterMs,
        pollIntervalMs: 200,
        reconnect,
      }) as unknown as AckServer<InboundMessage>;
    default:
      break;
  }
  return new KafkaAckServer({
    ...common,
    brokers: config.addresses,
    groupId: config.groupId!,
    topics: config.extraTopics,
    fromBeginning: true,
    sessionTimeout: 6000,
    heartbeatInterval: 500,
    rebalanceTimeout: 6000,
    maxWaitTimeInMs: 50,
    commitInterval: 20,
    commitEveryN: config.commitEveryN,
    maxUncommittedPerPartition: config.maxUncommittedPerPartition,
    logLevel: logLevel.NOTHING,
  }) as unknown as AckServer<InboundMessage>;
}

async function main(): Promise<void> {
  process.on('unhandledRejection', (reason) => say(`unhandled ${String((reason as Error)?.stack ?? reason).replace(/\s+/g, ' ').slice(0, 300)}`));
  process.on('uncaughtException', (error) => {
    say(`unhandled ${String(error?.stack ?? error).replace(/\s+/g, ' ').slice(0, 300)}`);
    process.exit(3);
  });
  const server = createServer();
  for (const name of ['connected', 'disconnected', 'reconnecting'] as const) server.on(name, () => say(`status ${name}`));
  server.on('error', () => undefined); // counted through the logger's lines
  const levels: LogLevel[] = ['error', 'warn', 'fatal'];
  const app = await NestFactory.createMicroservice(workerModule(config.pattern, config.requestPattern), {
    strategy: server,
    logger: levels,
    bufferLogs: false,
  });
  // Nest's console logger writes to stdout for some levels: send everything to stderr.
  app.useLogger({
    log: () => undefined,
    error: (...args: unknown[]) => writeSync(2, `${args.map(String).join(' ').slice(0, 500)}\n`),
    warn: (...args: unknown[]) => writeSync(2, `${args.map(String).join(' ').slice(0, 500)}\n`),
    fatal: (...args: unknown[]) => writeSync(2, `${args.map(String).join(' ').slice(0, 500)}\n`),
  });
  process.on('SIGTERM', () => {
    if (terminating) return; // a second signal changes nothing
    terminating = true;
    const inFlightAtTerm = inFlight;
    const t0 = Date.now();
    void app.close().then(
      () => {
        say(`closed ${Date.now() - t0} ${startedAfterTerm} ${inFlightAtTerm}`);
        process.exit(0);
      },
      (error) => {
        say(`unhandled close failed: ${String(error)}`);
        process.exit(4);
      },
    );
  });
  await app.listen();
  say('ready');
  if (process.env.RELIABILITY_DEBUG && config.transport === 'postgres') {
    const pool = (server as unknown as { pool: { totalCount: number; idleCount: number; waitingCount: number } }).pool;
    setInterval(() => writeSync(2, `pool total ${pool.totalCount} idle ${pool.idleCount} waiting ${pool.waitingCount} status ${server.status ?? ''}\n`), 500).unref();
  }
}

main().catch((error) => {
  writeSync(2, `worker failed to start: ${error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 8).join(" <- ") : String(error)}\n`);
  process.exit(1);
});
