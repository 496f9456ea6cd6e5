import { NestFactory } from '@nestjs/core';
import { firstValueFrom } from 'rxjs';
import { NatsAckClient, NatsAckServer } from '../../../lib/nats';
import { REPLY_TO_HEADER, toNatsHeaders } from '../../../lib/nats/nats-headers';
import type { ConformanceAdapter, ConformanceSetup, ConformanceTarget } from '../adapter';
import { consumerInfo, deleteStreams, NATS_URL, natsAdmin, natsDeadLetters, outstandingOf, storedOn, uniqueStream, type NatsAdmin } from '../../support/nats-broker';
import { testLogLevels } from './rabbitmq';

/**
 * Runs the conformance suite on NATS JetStream: one fresh stream (and its
 * dead-letter stream) per start capturing the test's patterns as subjects;
 * counts from consumer info, dead letters read from the dead-letter stream;
 * both streams deleted at close.
 */
export function natsConformanceAdapter(): ConformanceAdapter & { canBlockDeadLetters: boolean } {
  let shared: Promise<NatsAdmin> | undefined;
  const admin = () => (shared ??= natsAdmin());
  return {
    name: 'nats jetstream',
    canBlockDeadLetters: true,
    addressIsPattern: true,
    // JetStream's API (another stream's purge, this one's info), a subject with a space, a wildcard inbox.
    forgedReplyAddresses: (pattern) => [`$JS.API.STREAM.PURGE.${pattern.replace(/\W/g, '_')}`, '$JS.API.STREAM.INFO.x', 'a b', '_INBOX.*', '_INBOX.>', '_INBOX. x'],
    async dispose() {
      if (shared) await (await shared).nc.close();
    },
    async start(setup: ConformanceSetup): Promise<ConformanceTarget> {
      const broker = await admin();
      const stream = uniqueStream('conformance');
      // The streams exist before the server starts (it finds them), so what is published while it starts or after a cancelled start waits there.
      await broker.jsm.streams.add({ name: stream, subjects: setup.patterns });
      const server = new NatsAckServer({ ...setup.serverOptions, servers: NATS_URL, stream, ensureStream: true, subjects: setup.patterns });
      const dead = server.brokerSettings.deadLetter as { stream: string; subjectPrefix: string };
      const app = await NestFactory.createMicroservice(setup.module, { strategy: server, logger: testLogLevels });
      await broker.jsm.streams.add({ name: dead.stream, subjects: [`${dead.subjectPrefix}.>`] });
      const client = new NatsAckClient({ servers: NATS_URL, publishTimeoutMs: 10_000 });
      try {
        if (setup.listen !== false) await app.listen();
        await client.connect();
      } catch (error) {
        await app.close().catch(() => undefined);
        await client.close().catch(() => undefined);
        await deleteStreams(broker, stream, dead.stream);
        throw error;
      }
      const consumersOf = (pattern: string) => server.consumerPlans.filter((plan) => plan.subjects.includes(pattern)).map((plan) => plan.name);
      const infos = (pattern: string) => Promise.all(consumersOf(pattern).map((name) => consumerInfo(broker, stream, name)));
      let closed = false;
      return {
        app,
        server,
        emit: (pattern, data) => firstValueFrom(client.emit(pattern, data), { defaultValue: undefined }),
        send: (pattern, data) => firstValueFrom(client.send(pattern, data)),
        async publishRaw(pattern, body) {
          await broker.js.publish(pattern, body);
        },
        async publishForged(pattern, body, forged) {
          // The server reads the reply subject from its header and the correlation id from the body's `id` (Nest's envelope).
          const headers = { ...forged.headers, ...(forged.replyTo === undefined ? {} : { [REPLY_TO_HEADER]: forged.replyTo }) };
          await broker.js.publish(pattern, body, Object.keys(headers).length > 0 ? { headers: toNatsHeaders(headers) } : {});
        },
        async outstanding(pattern) {
          const found = await infos(pattern);
          // No consumer (a start cancelled before it made one): everything stored on the subject is outstanding.
          if (found.length === 0) return storedOn(broker, stream, pattern);
          return found.reduce((sum, info) => sum + outstandingOf(info), 0);
        },
        deadLetters: (pattern) => natsDeadLetters(broker, dead.stream, dead.subjectPrefix, pattern),
        async consumers(pattern) {
          // Open pull requests: a consume() in progress keeps one waiting on the server.
          return (await infos(pattern)).reduce((sum, info) => sum + info.num_waiting, 0);
        },
        async blockDeadLetters(_pattern, blocked) {
          const info = await broker.jsm.streams.info(dead.stream);
          await broker.jsm.streams.update(dead.stream, { ...info.config, max_msg_size: blocked ? 1 : -1 });
        },
        async close() {
          if (closed) return;
          closed = true;
          try {
            await app.close();
          } finally {
            await client.close().catch(() => undefined);
            await deleteStreams(broker, stream, dead.stream);
          }
        },
      };
    },
  };
}
