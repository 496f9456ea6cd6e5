import { NestFactory } from '@nestjs/core';
import { firstValueFrom } from 'rxjs';
import { DeadLetterHeaders } from '../../../lib/core';
import { KafkaAckServer, KafkaReplyHeaders, type KafkaOrdering } from '../../../lib/kafka';
import type { ConformanceAdapter, ConformanceSetup, ConformanceTarget, DeadLetterView, ForgedFields } from '../adapter';
import { closeSharedAdmin, deleteTopicsAndGroups, endOffsetTotal, groupMembers, KAFKA_BROKERS, readTopic, setMaxMessageBytes, uncommitted, testClient } from '../../support/kafka-broker';
import { uniqueName } from '../../support/names';
import { testLogLevels } from './rabbitmq';

/** Partitions of every conformance topic: concurrency on Kafka is across partitions (the close test holds 3 handlers at once). */
const PARTITIONS = 3;

/** A `max.message.bytes` below any record batch's size: the topic refuses every record (MESSAGE_TOO_LARGE). */
const BLOCKED_MAX_MESSAGE_BYTES = 1;

/** Server settings that keep per-test start and redelivery fast. */
export const FAST_KAFKA = { sessionTimeout: 6000, heartbeatInterval: 500, rebalanceTimeout: 6000, maxWaitTimeInMs: 50, commitInterval: 20 } as const;

/** Decodes a dead-letter record's headers into the suite's view. */
export function deadLetterView(record: { value: Buffer | null; headers?: Record<string, unknown> }): DeadLetterView {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.headers ?? {})) {
    if (value !== undefined && value !== null) headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return {
    body: record.value ?? Buffer.alloc(0),
    headers,
    reason: headers[DeadLetterHeaders.REASON] ?? '',
    errorName: headers[DeadLetterHeaders.ERROR_NAME],
    errorMessage: headers[DeadLetterHeaders.ERROR_MESSAGE],
    deliveryCount: Number(headers[DeadLetterHeaders.DELIVERY_COUNT] ?? NaN),
    source: JSON.parse(headers[DeadLetterHeaders.SOURCE] ?? '{}'),
  };
}

/** What a producer writes around a record: its headers, Nest's reply topic and correlation id headers. */
function forgedHeaders(forged: ForgedFields): Record<string, string> {
  const headers: Record<string, string> = { ...forged.headers };
  if (forged.replyTo !== undefined) headers[KafkaReplyHeaders.REPLY_TOPIC] = forged.replyTo;
  if (forged.correlationId !== undefined) headers[KafkaReplyHeaders.CORRELATION_ID] = forged.correlationId;
  return headers;
}

/**
 * Runs the conformance suite on Kafka: a topic per pattern (3 partitions,
 * created by the server's `createTopics`, with `<topic>.dlt`), a fresh group
 * per start; `outstanding` is end offset minus the group's committed offset
 * (so a message waiting for a delayed nack counts), dead letters are read
 * from `<topic>.dlt`. Topics and the group are deleted at close. `ordering`
 * is the server's (default: the server's default, `'partition'`).
 */
export function kafkaConformanceAdapter(ordering?: KafkaOrdering): ConformanceAdapter {
  return {
    name: ordering ? `kafka (ordering: ${ordering})` : 'kafka',
    // The record's value is the data itself, not Nest's { pattern, data } envelope.
    bodyOf: (_pattern, data) => data,
    canBlockDeadLetters: true,
    // Existing topics a forged kafka_replyTopic could aim at: the request's own topic, its dead letters, the group offsets.
    // Not addressIsPattern: the value is the data, it cannot name a pattern (the topic is the only one).
    forgedReplyAddresses: (pattern) => [pattern, `${pattern}.dlt`, '__consumer_offsets'],
    async start(setup: ConformanceSetup): Promise<ConformanceTarget> {
      const groupId = uniqueName('conformance');
      const server = new KafkaAckServer({
        ...setup.serverOptions,
        ...FAST_KAFKA,
        ...(ordering ? { ordering } : {}),
        brokers: KAFKA_BROKERS,
        groupId,
        topics: setup.patterns,
        createTopics: { numPartitions: PARTITIONS },
        fromBeginning: true,
      });
      const app = await NestFactory.createMicroservice(setup.module, { strategy: server, logger: testLogLevels });
      const topics = [...setup.patterns, ...setup.patterns.map((p) => `${p}.dlt`)];
      try {
        if (setup.listen !== false) await app.listen();
      } catch (error) {
        await app.close().catch(() => undefined);
        await deleteTopicsAndGroups(topics, [groupId]).catch(() => undefined);
        throw error;
      }
      // A client per test: a kafkajs producer keeps refreshing the metadata of every topic it ever
      // wrote to, and earlier tests' deleted topics would cost each first send a retry (~250 ms).
      const client = testClient('nestjs-ack-conformance');
      const deadLetterCache = new Map<string, { count: number; views: DeadLetterView[] }>();
      let closed = false;
      return {
        app,
        server,
        emit: (pattern, data) => firstValueFrom(client.emit(pattern, data), { defaultValue: undefined }),
        send: (pattern, data) => firstValueFrom(client.send(pattern, data)),
        publishRaw: (pattern, body) => client.produce(pattern, { value: body }),
        publishForged: (pattern, body, forged) => client.produce(pattern, { value: body, headers: forgedHeaders(forged) }),
        outstanding: (pattern) => uncommitted(pattern, groupId),
        consumers: () => groupMembers(groupId),
        blockDeadLetters: (pattern, blocked) => setMaxMessageBytes(`${pattern}.dlt`, blocked ? BLOCKED_MAX_MESSAGE_BYTES : undefined),
        async deadLetters(pattern): Promise<DeadLetterView[]> {
          const topic = `${pattern}.dlt`;
          const count = await endOffsetTotal(topic);
          if (count === 0) return [];
          const cached = deadLetterCache.get(topic);
          if (cached?.count === count) return cached.views;
          const views = (await readTopic(topic)).map(deadLetterView);
          deadLetterCache.set(topic, { count, views });
          return views;
        },
        async close() {
          if (closed) return;
          closed = true;
          try {
            await app.close();
          } finally {
            await client.close().catch(() => undefined);
            await deleteTopicsAndGroups(topics, [groupId]).catch(() => undefined);
          }
        },
      };
    },
    async dispose() {
      await closeSharedAdmin();
    },
  };
}
