import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { firstValueFrom } from 'rxjs';
import { RabbitAckClient, RabbitAckServer } from '../../lib/rabbitmq';
import type { ConformanceAdapter, ConformanceSetup, ConformanceTarget, DeadLetterView } from '../conformance/adapter';
import { uniqueName } from './names';
import { deadLetterFields, deleteRabbitTopology, outstandingIn, peekQueue, RABBITMQ_URL } from './rabbit-broker';

/** Nest log levels for test apps: quiet unless TEST_LOG=1. */
export const testLogLevels: LogLevel[] | false = process.env.TEST_LOG ? ['log', 'error', 'warn', 'fatal'] : false;

/**
 * Runs the conformance suite on RabbitMQ: one fresh quorum queue (and its
 * `.dlq`/`.dlx`) per start, all the test's patterns on it; counts and dead
 * letters read from the broker; everything deleted at close.
 */
export function rabbitConformanceAdapter(options: { queueType?: 'quorum' | 'classic' } = {}): ConformanceAdapter {
  return {
    name: `rabbitmq (${options.queueType ?? 'quorum'})`,
    async start(setup: ConformanceSetup): Promise<ConformanceTarget> {
      const queue = uniqueName('conformance');
      const dlq = `${queue}.dlq`;
      const server = new RabbitAckServer({
        ...setup.serverOptions,
        urls: RABBITMQ_URL,
        queue,
        queueType: options.queueType ?? 'quorum',
        reconnect: { initialDelayMs: 100, maxDelayMs: 1000 },
      });
      const app = await NestFactory.createMicroservice(setup.module, { strategy: server, logger: testLogLevels });
      const client = new RabbitAckClient({ urls: RABBITMQ_URL, queue, publishTimeoutMs: 10_000 });
      let raw: { model: ChannelModel; channel: ConfirmChannel } | undefined;
      const rawBodies = new Map<string, string>(); // undecodable body (hex) -> the pattern it stood for
      try {
        await app.listen();
        await client.connect();
      } catch (error) {
        await app.close().catch(() => undefined);
        await client.close().catch(() => undefined);
        await deleteRabbitTopology(queue).catch(() => undefined);
        throw error;
      }
      const patternOf = (body: Buffer): string | undefined => {
        const known = rawBodies.get(body.toString('hex'));
        if (known !== undefined) return known;
        try {
          const pattern = JSON.parse(body.toString('utf8'))?.pattern;
          return typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
        } catch {
          return undefined;
        }
      };
      let closed = false;
      return {
        app,
        server,
        emit: (pattern, data) => firstValueFrom(client.emit(pattern, data), { defaultValue: undefined }),
        send: (pattern, data) => firstValueFrom(client.send(pattern, data)),
        async publishRaw(pattern, body) {
          rawBodies.set(body.toString('hex'), pattern);
          if (!raw) {
            const model = await connect(RABBITMQ_URL);
            model.on('error', () => undefined);
            raw = { model, channel: await model.createConfirmChannel() };
          }
          raw.channel.sendToQueue(queue, body, { persistent: true });
          await raw.channel.waitForConfirms();
        },
        // One queue per app: everything outstanding on it belongs to the test's patterns.
        outstanding: () => outstandingIn(queue),
        async deadLetters(pattern): Promise<DeadLetterView[]> {
          const entries = (await peekQueue(dlq)).map(deadLetterFields);
          return entries
            .filter((entry) => patternOf(entry.body) === pattern)
            .map(({ body, headers, reason, errorName, errorMessage, deliveryCount, source }) => ({ body, headers, reason, errorName, errorMessage, deliveryCount, source }));
        },
        async close() {
          if (closed) return;
          closed = true;
          try {
            await app.close();
          } finally {
            await client.close().catch(() => undefined);
            await raw?.model.close().catch(() => undefined);
            await deleteRabbitTopology(queue);
          }
        },
      };
    },
  };
}
