import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { firstValueFrom } from 'rxjs';
import { RabbitAckClient, RabbitAckServer } from '../../../lib/rabbitmq';
import type { ConformanceAdapter, ConformanceSetup, ConformanceTarget, DeadLetterView } from '../adapter';
import { uniqueName } from '../../support/names';
import { waitFor } from '../../support/wait-for';
import { declareTopology } from '../../../lib/rabbitmq/rabbit-topology';
import { deadLetterFields, deleteRabbitTopology, outstandingIn, peekQueue, RABBITMQ_URL, rabbitmqctl, withRabbit } from '../../support/rabbit-broker';

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
    canBlockDeadLetters: true,
    // The direct reply-to prefix with no token after it, and a name no queue name may be. (The bare
    // `amq.rabbitmq.reply-to` cannot be forged: the broker refuses it from a channel not consuming it.)
    forgedReplyAddresses: () => ['amq.rabbitmq.reply-to.', 'reply queue with spaces'],
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
        // Without listen the queue must exist anyway, so that what is published waits there.
        if (setup.listen !== false) await app.listen();
        else await withRabbit((model) => declareTopology(model, server.brokerSettings));
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
      const rawChannel = async (): Promise<ConfirmChannel> => {
        if (!raw) {
          const model = await connect(RABBITMQ_URL);
          model.on('error', () => undefined);
          raw = { model, channel: await model.createConfirmChannel() };
        }
        return raw.channel;
      };
      let closed = false;
      return {
        app,
        server,
        emit: (pattern, data) => firstValueFrom(client.emit(pattern, data), { defaultValue: undefined }),
        send: (pattern, data) => firstValueFrom(client.send(pattern, data)),
        async publishRaw(pattern, body) {
          rawBodies.set(body.toString('hex'), pattern);
          const channel = await rawChannel();
          channel.sendToQueue(queue, body, { persistent: true });
          await channel.waitForConfirms();
        },
        // What any producer can write: AMQP headers, and the replyTo / correlationId properties.
        async publishForged(pattern, body, forged) {
          rawBodies.set(body.toString('hex'), pattern);
          const channel = await rawChannel();
          channel.sendToQueue(queue, body, { persistent: true, headers: forged.headers, replyTo: forged.replyTo, correlationId: forged.correlationId });
          await channel.waitForConfirms();
        },
        // One queue per app: everything outstanding on it belongs to the test's patterns.
        outstanding: () => outstandingIn(queue),
        consumers: () =>
          withRabbit(async (model) => {
            const channel = await model.createChannel();
            return (await channel.checkQueue(queue)).consumerCount;
          }),
        // A policy caps the dead-letter queue and refuses publishes beyond (confirms turn into nacks);
        // quorum queues enforce the cap softly, so filler entries (no pattern: never read as dead letters) fill it first.
        async blockDeadLetters(_pattern, blocked) {
          const name = `block-${dlq}`;
          if (!blocked) {
            await rabbitmqctl('clear_policy', name);
            return;
          }
          await rabbitmqctl('set_policy', '--apply-to', 'queues', name, `^${dlq.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, '{"max-length":1,"overflow":"reject-publish"}');
          await withRabbit(async (model) => {
            const channel = await model.createConfirmChannel();
            const refused = () => new Promise<boolean>((resolve) => channel.publish('', dlq, Buffer.from('filler'), {}, (error: unknown) => resolve(Boolean(error))));
            await waitFor(refused, { message: `${dlq} refusing publishes` });
          });
        },
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
