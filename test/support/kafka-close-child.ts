// A process that starts a KafkaAckServer and closes it DELAYS_MS (comma-separated) ms into
// app.listen(), one server after the other, in group GROUP_ID on TOPIC; prints one JSON line per
// close ({ delayMs, listen: 'resolved' | 'rejected' | 'pending' }) and then must exit by itself:
// it never calls process.exit, so any socket or timer the servers left open keeps it alive.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { KafkaAckServer } from '../../lib/kafka';
import { KAFKA_BROKERS } from './kafka-broker';
import { FAST_KAFKA } from '../conformance/adapters/kafka';
import { handlerModule } from './kafka-test-app';

async function main(): Promise<void> {
  const topic = process.env.TOPIC!;
  const delays = (process.env.DELAYS_MS ?? '0').split(',').map(Number);
  for (const delayMs of delays) {
    const server = new KafkaAckServer({ ...FAST_KAFKA, brokers: KAFKA_BROKERS, groupId: process.env.GROUP_ID!, createTopics: true, fromBeginning: true });
    const app = await NestFactory.createMicroservice(handlerModule(topic, () => undefined), { strategy: server, logger: false });
    let listen: 'resolved' | 'rejected' | 'pending' = 'pending';
    const listening = app.listen().then(() => (listen = 'resolved'), () => (listen = 'rejected'));
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    await app.close();
    await Promise.race([listening, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    process.stdout.write(`${JSON.stringify({ delayMs, listen })}\n`);
  }
}

main().catch((error) => {
  process.stdout.write(`${JSON.stringify({ error: String(error?.message ?? error) })}\n`);
  process.exitCode = 1;
});
