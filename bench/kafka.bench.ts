import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Kafka, logLevel } from 'kafkajs';
import { AckPolicy } from '../lib';
import { KafkaAckServer } from '../lib/kafka';
import { brokerUrls } from '../test/support/broker-urls';
import { uniqueName } from '../test/support/names';
import { settleMeter, type BenchResult } from './measure';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20000);
const PARTITIONS = 3;
const kafka = new Kafka({ clientId: 'bench', brokers: brokerUrls.kafka, logLevel: logLevel.NOTHING });

/** A fresh topic filled with JSON values, spread over the partitions. */
async function fill(topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  const messages = Array.from({ length: MESSAGES }, (_, i) => ({ key: String(i % PARTITIONS), value: JSON.stringify({ i }) }));
  for (let i = 0; i < messages.length; i += 1000) await producer.send({ topic, acks: -1, messages: messages.slice(i, i + 1000) });
  await producer.disconnect();
}

/** The baseline: kafkajs eachMessage with its own periodic auto-commit. */
async function raw(topic: string): Promise<BenchResult> {
  await fill(topic);
  const consumer = kafka.consumer({ groupId: uniqueName('bench-raw') });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const { tick, result: measured } = settleMeter('kafkajs eachMessage, auto-commit', MESSAGES);
  await consumer.run({
    autoCommitInterval: 100,
    eachMessage: async ({ message }) => {
      JSON.parse(String(message.value));
      tick();
    },
  });
  const result = await measured;
  await consumer.disconnect();
  return result;
}

@Controller()
class BenchController {
  @AckPolicy(AckPolicy.REJECT_ON_ERROR)
  @EventPattern(process.env.BENCH_KAFKA_TOPIC!)
  handle(@Payload() _data: { i: number }): void {}
}

@Module({ controllers: [BenchController] })
class BenchModule {}

async function withNestjsAck(topic: string): Promise<BenchResult> {
  await fill(topic);
  const server = new KafkaAckServer({ brokers: brokerUrls.kafka, groupId: uniqueName('bench-ack'), fromBeginning: true, concurrency: PARTITIONS, deadLetterTopic: false });
  const app = await NestFactory.createMicroservice(BenchModule, { strategy: server, logger: ['error'] });
  const { tick, result: measured } = settleMeter('nestjs-ack KafkaAckServer', MESSAGES);
  server.on('settled', tick);
  await app.listen();
  const result = await measured;
  await app.close();
  return result;
}

/** Throughput of consume + commit, nestjs-ack against raw kafkajs, in the same run. */
export async function benchKafka(): Promise<BenchResult[]> {
  const topics = [uniqueName('bench-raw'), process.env.BENCH_KAFKA_TOPIC!];
  try {
    return [await raw(topics[0]), await withNestjsAck(topics[1])];
  } finally {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  }
}
