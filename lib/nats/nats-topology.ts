import { createHash } from 'node:crypto';
import { AckPolicy, DeliverPolicy, JetStreamApiError, type ConsumerConfig, type ConsumerInfo, type JetStreamManager, type StreamInfo } from '@nats-io/jetstream';
import { NatsConsumerConfigError, NatsMissingResourceError } from './nats-errors';
import type { NatsServerSettings } from './nats-settings';
import { explainStreamRefusal } from './nats-stream-refusal';
import type { ServerFeatures } from './nats-version';

/** One durable consumer the server pulls from, and the subjects it filters. */
export interface ConsumerPlan {
  name: string;
  subjects: string[];
}

/**
 * The consumers for `subjects`: one when a single subject or when the server
 * takes several filter subjects (2.10+), else one per subject, named
 * `<consumer>-<readable subject>-<hash>` so the name stays the same across restarts.
 */
export function planConsumers(consumer: string, subjects: string[], features: ServerFeatures): ConsumerPlan[] {
  if (subjects.length === 1 || features.multipleFilterSubjects) return [{ name: consumer, subjects }];
  return subjects.map((subject) => ({ name: perSubjectName(consumer, subject), subjects: [subject] }));
}

export function perSubjectName(consumer: string, subject: string): string {
  const readable = subject.replace(/\*/g, 'any').replace(/>/g, 'all').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 48);
  const hash = createHash('sha256').update(subject).digest('hex').slice(0, 8);
  return `${consumer}-${readable}-${hash}`;
}

/** Whether stream subject `filter` (with wildcards) captures `subject` (which may have wildcards too). */
export function subjectCovers(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return s.length > i;
    if (i >= s.length) return false;
    if (f[i] === '*') {
      if (s[i] === '>') return false;
      continue;
    }
    if (f[i] !== s[i]) return false;
  }
  return f.length === s.length;
}

const nanos = (ms: number) => Math.round(ms * 1_000_000);

/** Creates or extends the stream and the dead-letter stream (`ensureStream`), or checks that they exist. */
export async function provisionStreams(jsm: JetStreamManager, settings: NatsServerSettings, subjects: string[]): Promise<void> {
  const existing = await streamInfo(jsm, settings.stream);
  if (settings.ensureStream === false) {
    if (!existing) throw new NatsMissingResourceError('stream', settings.stream, 'create it, or set the option ensureStream');
  } else if (!existing) {
    const config = { subjects, ...settings.ensureStream, name: settings.stream };
    await jsm.streams.add(config).catch(async (error) => Promise.reject(await explainStreamRefusal(jsm, settings.stream, config.subjects ?? subjects, error)));
  } else {
    const missing = subjects.filter((subject) => !existing.config.subjects?.some((filter) => subjectCovers(filter, subject)));
    if (missing.length > 0) {
      await jsm.streams
        .update(settings.stream, { ...existing.config, subjects: [...(existing.config.subjects ?? []), ...missing] })
        .catch(async (error) => Promise.reject(await explainStreamRefusal(jsm, settings.stream, missing, error)));
    }
  }
  const dead = settings.deadLetter;
  if (!dead) return;
  const deadInfo = await streamInfo(jsm, dead.stream);
  if (deadInfo) return;
  if (settings.ensureStream === false) throw new NatsMissingResourceError('stream', dead.stream, `create it (subjects "${dead.subjectPrefix}.>") for the dead letters, set the option ensureStream, or deadLetter: false`);
  await jsm.streams.add({ name: dead.stream, subjects: [`${dead.subjectPrefix}.>`] });
}

/** The configuration the server needs on each consumer. `max_deliver` is unlimited: the retry rules are ours, and the server must never drop a message before our reject dead-lettered it. */
export function consumerConfig(settings: NatsServerSettings, plan: ConsumerPlan): Partial<ConsumerConfig> {
  const filter = plan.subjects.length === 1 ? { filter_subject: plan.subjects[0] } : { filter_subjects: plan.subjects };
  return {
    deliver_policy: DeliverPolicy.All,
    max_ack_pending: settings.maxAckPending,
    ...settings.consumerConfig,
    ack_wait: nanos(settings.ackWaitMs),
    durable_name: plan.name,
    ack_policy: AckPolicy.Explicit,
    max_deliver: -1,
    ...filter,
  };
}

/** Creates or updates each planned consumer (`ensureConsumer`), or checks that it exists and cannot drop messages. */
export async function provisionConsumers(jsm: JetStreamManager, settings: NatsServerSettings, plans: ConsumerPlan[], maxDeliveries: number): Promise<void> {
  for (const plan of plans) {
    const existing = await consumerInfo(jsm, settings.stream, plan.name);
    if (!settings.ensureConsumer) {
      if (!existing) throw new NatsMissingResourceError('consumer', `${settings.stream}/${plan.name}`, `create it (filtering ${plan.subjects.join(', ')}), or set the option ensureConsumer`);
      checkConsumer(existing, maxDeliveries);
      continue;
    }
    const config = consumerConfig(settings, plan);
    if (!existing) {
      await jsm.consumers.add(settings.stream, config);
    } else if (Object.entries(config).some(([key, value]) => JSON.stringify((existing.config as Record<string, unknown>)[key]) !== JSON.stringify(value))) {
      const { durable_name: _durable, deliver_policy: _deliver, ...update } = config;
      await jsm.consumers.update(settings.stream, plan.name, update);
    }
  }
}

function checkConsumer(info: ConsumerInfo, maxDeliveries: number): void {
  const where = `consumer "${info.stream_name}/${info.name}"`;
  if (info.config.ack_policy !== AckPolicy.Explicit) throw new NatsConsumerConfigError(`${where} has ack_policy "${info.config.ack_policy}"; nestjs-ack needs "explicit"`);
  const max = info.config.max_deliver ?? -1;
  if (max > 0 && max <= maxDeliveries) {
    throw new NatsConsumerConfigError(`${where} has max_deliver ${max}: the server would drop messages after ${max} deliveries before nestjs-ack dead-letters them at retry.maxDeliveries=${maxDeliveries}; set it to -1`);
  }
  if (info.config.deliver_subject) throw new NatsConsumerConfigError(`${where} is a push consumer; nestjs-ack needs a pull consumer`);
}

async function streamInfo(jsm: JetStreamManager, stream: string): Promise<StreamInfo | undefined> {
  try {
    return await jsm.streams.info(stream);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function consumerInfo(jsm: JetStreamManager, stream: string, consumer: string): Promise<ConsumerInfo | undefined> {
  try {
    return await jsm.consumers.info(stream, consumer);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** JetStream's "stream not found" (10059) and "consumer not found" (10014). */
export function isNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && (error.code === 10059 || error.code === 10014 || error.status === 404);
}
