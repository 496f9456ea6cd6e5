import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ServerRMQ, type RmqContext } from '@nestjs/microservices';
import { connect } from 'amqplib';
import { RabbitAckServer } from '../lib/rabbitmq';
import { brokerUrls } from '../test/support/broker-urls';
import { uniqueName } from '../test/support/names';
import { after, benchModule, type BrokerBench, type Contender } from './measure';

const PREFETCH = 50;

/**
 * RabbitMQ, one queue type: amqplib consume + ack by hand, Nest's `ServerRMQ`
 * (noAck false, ack in the handler), `RabbitAckServer` without and with
 * `AckModule`. Every contender gets prefetch 50 and a fresh queue holding the
 * same backlog.
 */
export function rabbitmqBench(queueType: 'quorum' | 'classic'): BrokerBench {
  const queues: string[] = [];
  const queueArguments = { 'x-queue-type': queueType };

  const ours = (ackModule: boolean): Contender => ({
    role: ackModule ? 'ours+module' : 'ours',
    label: ackModule ? 'RabbitAckServer + AckModule' : 'RabbitAckServer',
    async start(queue, work, tick) {
      const server = new RabbitAckServer({ urls: brokerUrls.rabbitmq, queue, queueType, prefetch: PREFETCH, concurrency: PREFETCH, deadLetter: false });
      server.on('settled', tick);
      const app = await NestFactory.createMicroservice(benchModule('bench', work, { ackPolicy: true, ackModule }), { strategy: server, logger: ['error'] });
      await app.listen();
      return () => app.close();
    },
  });

  return {
    id: `rabbitmq-${queueType}`,
    title: `RabbitMQ ${queueType}, prefetch ${PREFETCH}`,
    concurrency: PREFETCH,
    contenders: [
      {
        role: 'raw',
        label: 'amqplib consume + ack',
        async start(queue, work, tick) {
          const connection = await connect(brokerUrls.rabbitmq);
          const channel = await connection.createChannel();
          await channel.prefetch(PREFETCH);
          await channel.consume(queue, (message) => {
            if (!message) return;
            const packet = JSON.parse(message.content.toString('utf8'));
            void after(work(packet.data), () => {
              channel.ack(message);
              tick();
            });
          });
          return () => connection.close();
        },
      },
      {
        role: 'nest',
        label: 'Nest ServerRMQ (noAck false)',
        async start(queue, work, tick) {
          const server = new ServerRMQ({ urls: [brokerUrls.rabbitmq], queue, noAck: false, prefetchCount: PREFETCH, queueOptions: { durable: true, arguments: queueArguments } });
          const handle = (data: unknown, ctx: RmqContext) =>
            after(work(data), () => {
              ctx.getChannelRef().ack(ctx.getMessage());
              tick();
            });
          const app = await NestFactory.createMicroservice(benchModule('bench', handle), { strategy: server, logger: ['error'] });
          await app.listen();
          return () => app.close();
        },
      },
      ours(false),
      ours(true),
    ],
    async fill(messages) {
      const queue = uniqueName(`bench-${queueType}`);
      queues.push(queue);
      const connection = await connect(brokerUrls.rabbitmq);
      const channel = await connection.createConfirmChannel();
      await channel.assertQueue(queue, { durable: true, arguments: queueArguments });
      for (let i = 0; i < messages; i++) {
        channel.sendToQueue(queue, Buffer.from(JSON.stringify({ pattern: 'bench', data: { i } })), { persistent: true });
        if (i % 5000 === 4999) await channel.waitForConfirms();
      }
      await channel.waitForConfirms();
      await connection.close();
      return queue;
    },
    async publisher(queue) {
      const connection = await connect(brokerUrls.rabbitmq);
      const channel = await connection.createChannel();
      return {
        publish: (data) => void channel.sendToQueue(queue, Buffer.from(JSON.stringify({ pattern: 'bench', data })), { persistent: true }),
        close: () => connection.close(),
      };
    },
    async version() {
      const connection = await connect(brokerUrls.rabbitmq);
      const properties = (connection as unknown as { connection: { serverProperties: Record<string, string> } }).connection.serverProperties;
      await connection.close();
      return `RabbitMQ ${properties.version}`;
    },
    async cleanup() {
      const connection = await connect(brokerUrls.rabbitmq);
      const channel = await connection.createChannel();
      for (const queue of queues.splice(0)) await channel.deleteQueue(queue).catch(() => undefined);
      await connection.close();
    },
  };
}
