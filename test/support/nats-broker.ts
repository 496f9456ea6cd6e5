import { jetstream, jetstreamManager, type ConsumerInfo, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DeadLetterHeaders } from '../../lib/core';
import type { DeadLetterView } from '../conformance/adapter';
import { brokerUrls } from './broker-urls';

/** The server under test; never printed (it may carry credentials). */
export const NATS_URL = brokerUrls.nats;

/** An admin connection for tests: provisioning, consumer info, reading streams. */
export interface NatsAdmin {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

export async function natsAdmin(): Promise<NatsAdmin> {
  const nc = await connect({ servers: NATS_URL, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
  const jsm = await jetstreamManager(nc);
  return { nc, js: jetstream(nc), jsm };
}

/** A stream name no earlier run used (stream names take no dots). */
export function uniqueStream(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(16).slice(2, 10)}`.toUpperCase();
}

/**
 * Messages the consumer still owes: not yet delivered (`num_pending`) plus
 * delivered and not settled, including naks waiting for their delay
 * (`num_ack_pending`). A delivery whose ack_wait ran out while nobody pulls is
 * in both counts until it is redelivered; tests keep ack_wait above their waits.
 */
export function outstandingOf(info: ConsumerInfo): number {
  return info.num_pending + info.num_ack_pending;
}

export async function consumerInfo(admin: NatsAdmin, stream: string, consumer: string): Promise<ConsumerInfo> {
  return admin.jsm.consumers.info(stream, consumer);
}

/** Messages stored on `subject` in `stream`, counted by the server. */
export async function storedOn(admin: NatsAdmin, stream: string, subject: string): Promise<number> {
  const info = await admin.jsm.streams.info(stream, { subjects_filter: subject });
  return info.state.subjects?.[subject] ?? 0;
}

/** Every message stored on `subject` in `stream`, in order. */
export async function streamMessages(admin: NatsAdmin, stream: string, subject: string) {
  const info = await admin.jsm.streams.info(stream);
  const found = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const message = await admin.jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (message && message.subject === subject) found.push(message);
  }
  return found;
}

/** The dead letters stored for `subject` (under the server's dead-letter subject prefix), as the suite reads them. */
export async function natsDeadLetters(admin: NatsAdmin, deadLetterStream: string, subjectPrefix: string, subject: string): Promise<DeadLetterView[]> {
  const messages = await streamMessages(admin, deadLetterStream, `${subjectPrefix}.${subject}`);
  return messages.map((message) => {
    const headers: Record<string, string> = {};
    for (const key of message.header?.keys() ?? []) headers[key] = message.header.get(key);
    return {
      body: Buffer.from(message.data),
      headers,
      reason: headers[DeadLetterHeaders.REASON],
      errorName: headers[DeadLetterHeaders.ERROR_NAME],
      errorMessage: headers[DeadLetterHeaders.ERROR_MESSAGE],
      deliveryCount: Number(headers[DeadLetterHeaders.DELIVERY_COUNT]),
      source: JSON.parse(headers[DeadLetterHeaders.SOURCE] ?? '{}'),
    };
  });
}

/** Deletes streams (and with them their consumers); missing ones are fine. */
export async function deleteStreams(admin: NatsAdmin, ...streams: string[]): Promise<void> {
  for (const stream of streams) await admin.jsm.streams.delete(stream).catch(() => undefined);
}
