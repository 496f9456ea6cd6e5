import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { connect } from 'amqplib';
import { AckPolicy } from '../lib';
import { RabbitAckServer } from '../lib/rabbitmq';
import { brokerUrls } from '../test/support/broker-urls';
import { uniqueName } from '../test/support/names';
import { settleMeter, type BenchResult } from './measure';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5000);
const PREFETCH = 50;

/** Fills a fresh quorum queue with `{ pattern, data }` messages, confirmed. */
async function fill(queue: string): Promise<void> {
  const connection = await connect(brokerUrls.rabbitmq);
  const channel = await connection.createConfirmChannel();
  await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  for (let i = 0; i < MESSAGES; i++) {
    channel.sendToQueue(queue, Buffer.from(JSON.stringify({ pattern: 'bench', data: { i } })), { persistent: true });
  }
  await channel.waitForConfirms();
  await connection.close();
}

async function deleteQueues(...queues: string[]): Promise<void> {
  const connection = await connect(brokerUrls.rabbitmq);
  const channel = await connection.createChannel();
  for (const queue of queues) await channel.deleteQueue(queue).catch(() => undefined);
  await connection.close();
}

/** The baseline: amqplib consuming, parsing and acking by hand. */
async function raw(queue: string): Promise<BenchResult> {
  await fill(queue);
  const connection = await connect(brokerUrls.rabbitmq);
  const channel = await connection.createChannel();
  await channel.prefetch(PREFETCH);
  const { tick, result: measured } = settleMeter('amqplib, manual ack', MESSAGES);
  await channel.consume(queue, (message) => {
    if (!message) return;
    JSON.parse(message.content.toString('utf8'));
    channel.ack(message);
    tick();
  });
  const result = await measured;
  await connection.close();
  return result;
}

@Controller()
class BenchController {
  @AckPolicy(AckPolicy.REJECT_ON_ERROR)
  @EventPattern('bench')
  handle(@Payload() _data: { i: number }): void {}
}

@Module({ controllers: [BenchController] })
class BenchModule {}

async function withNestjsAck(queue: string): Promise<BenchResult> {
  await fill(queue);
  const server = new RabbitAckServer({ urls: brokerUrls.rabbitmq, queue, prefetch: PREFETCH, concurrency: PREFETCH, deadLetter: false });
  const app = await NestFactory.createMicroservice(BenchModule, { strategy: server, logger: ['error'] });
  const { tick, result: measured } = settleMeter('nestjs-ack RabbitAckServer', MESSAGES);
  server.on('settled', tick);
  await app.listen();
  const result = await measured;
  await app.close();
  return result;
}

/** Throughput of consume + settle, nestjs-ack against raw amqplib, in the same run. */
export async function benchRabbitmq(): Promise<BenchResult[]> {
  const queues = [uniqueName('bench-raw'), uniqueName('bench-ack')];
  try {
    return [await raw(queues[0]), await withNestjsAck(queues[1])];
  } finally {
    await deleteQueues(...queues);
  }
}
