import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { NestFactory } from '@nestjs/core';
import { AckPolicy, JetStreamApiError } from '@nats-io/jetstream';
import type { AckError } from '../../../lib/core';
import { NatsAckServer, type NatsAckServerOptions } from '../../../lib/nats';
import { serverAtLeast } from '../../../lib/nats/nats-version';
import { deleteStreams, NATS_URL, natsAdmin, uniqueStream, type NatsAdmin } from '../../support/nats-broker';
import { uniqueName } from '../../support/names';
import { oneHandlerModule } from '../../support/start-unavailable';
import { testLogLevels } from '../../conformance/adapters/rabbitmq';

const SUBJECT = uniqueName('startup');

@Controller()
class OneController {
  @EventPattern(SUBJECT)
  handle() {}
}

@Module({ controllers: [OneController] })
class OneModule {}

@Controller()
class ObjectPatternController {
  @EventPattern({ cmd: 'not-a-subject' })
  handle() {}
}

@Module({ controllers: [ObjectPatternController] })
class ObjectPatternModule {}

/** Starts an app and returns listen()'s error (or fails when it starts). */
async function startError(module: unknown, options: NatsAckServerOptions): Promise<Error> {
  const server = new NatsAckServer({ servers: NATS_URL, ...options });
  const logged: string[] = [];
  server.on('error', (error: Error) => logged.push(error.message));
  const app = await NestFactory.createMicroservice(module as never, { strategy: server, logger: testLogLevels });
  try {
    await app.listen();
  } catch (error) {
    assert.ok(logged.every((line) => !/s3cret/.test(line)), 'no credentials in error events');
    return error as Error;
  } finally {
    await app.close().catch(() => undefined);
  }
  assert.fail('the start should have failed');
}

describe('NATS start-up errors name what is missing', () => {
  let admin: NatsAdmin;
  const streams: string[] = [];
  before(async () => (admin = await natsAdmin()));
  after(async () => {
    await deleteStreams(admin, ...streams);
    await admin.nc.close();
  });

  it('a missing stream without ensureStream', { timeout: 30_000 }, async () => {
    const stream = uniqueStream('missing');
    const error = await startError(OneModule, { stream });
    assert.equal(error.name, 'NatsMissingResourceError');
    assert.equal((error as AckError).code, 'ACK_BROKER_CONFIGURATION');
    assert.match(error.message, new RegExp(`stream "${stream}" does not exist; create it, or set the option ensureStream`));
    assert.equal(await admin.jsm.streams.info(stream).then(() => true, () => false), false, 'nothing was created');
  });

  it('a missing dead-letter stream without ensureStream', { timeout: 30_000 }, async () => {
    const stream = uniqueStream('nodlq');
    streams.push(stream);
    await admin.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    const error = await startError(OneModule, { stream, subjects: [`${stream}.a`] });
    assert.equal(error.name, 'NatsMissingResourceError');
    assert.equal((error as AckError).code, 'ACK_BROKER_CONFIGURATION');
    assert.match(error.message, new RegExp(`stream "${stream}_DLQ" does not exist.*deadLetter: false`));
  });

  it('a missing consumer with ensureConsumer false', { timeout: 30_000 }, async () => {
    const stream = uniqueStream('noconsumer');
    streams.push(stream, `${stream}_DLQ`);
    const error = await startError(OneModule, { stream, ensureStream: true, ensureConsumer: false, consumer: 'orders' });
    assert.equal(error.name, 'NatsMissingResourceError');
    assert.equal((error as AckError).code, 'ACK_BROKER_CONFIGURATION');
    assert.match(error.message, new RegExp(`consumer "${stream}/orders" does not exist; create it \\(filtering ${SUBJECT.replace(/\./g, '\\.')}\\)`));
  });

  it('an existing consumer whose max_deliver would drop messages before our reject', { timeout: 30_000 }, async () => {
    const stream = uniqueStream('maxdeliver');
    streams.push(stream, `${stream}_DLQ`);
    await admin.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    await admin.jsm.streams.add({ name: `${stream}_DLQ`, subjects: [`dead-letter.${stream}.>`] });
    await admin.jsm.consumers.add(stream, { durable_name: 'orders', ack_policy: AckPolicy.Explicit, max_deliver: 3, filter_subject: `${stream}.a` });
    const error = await startError(OneModule, { stream, subjects: [`${stream}.a`], ensureConsumer: false, consumer: 'orders', retry: { maxDeliveries: 5 } });
    assert.equal(error.name, 'NatsConsumerConfigError');
    assert.equal((error as AckError).code, 'ACK_BROKER_CONFIGURATION');
    assert.match(error.message, /max_deliver 3.*retry\.maxDeliveries=5; set it to -1/);
  });

  it('with ensureConsumer (the default) an existing consumer is brought to max_deliver -1', { timeout: 30_000 }, async () => {
    const stream = uniqueStream('fixconsumer');
    streams.push(stream, `${stream}_DLQ`);
    await admin.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    await admin.jsm.consumers.add(stream, { durable_name: 'orders', ack_policy: AckPolicy.Explicit, max_deliver: 3, filter_subject: `${stream}.a` });
    const server = new NatsAckServer({ servers: NATS_URL, stream, ensureStream: true, subjects: [`${stream}.a`], consumer: 'orders' });
    const app = await NestFactory.createMicroservice(OneModule, { strategy: server, logger: testLogLevels });
    await app.listen();
    await app.close();
    const info = await admin.jsm.consumers.info(stream, 'orders');
    assert.equal(info.config.max_deliver, -1);
    assert.equal(info.config.ack_wait, 30_000_000_000);
  });

  it('ensureStream adds the subjects an existing stream lacks and keeps its own', { timeout: 30_000 }, async () => {
    const stream = uniqueStream('extend');
    streams.push(stream, `${stream}_DLQ`);
    await admin.jsm.streams.add({ name: stream, subjects: [`${stream}.own`, `${stream}.a.*`] });
    const server = new NatsAckServer({ servers: NATS_URL, stream, ensureStream: true, subjects: [`${stream}.a.x`, `${stream}.b`] });
    const app = await NestFactory.createMicroservice(OneModule, { strategy: server, logger: testLogLevels });
    await app.listen();
    await app.close();
    const info = await admin.jsm.streams.info(stream);
    assert.deepEqual(info.config.subjects, [`${stream}.own`, `${stream}.a.*`, `${stream}.b`], 'only the uncovered subject added');
    const expected = serverAtLeast(admin.nc.info?.version, 2, 10) ? 1 : 2;
    assert.equal(server.consumerPlans.length, expected, 'one consumer per subject before 2.10, one with filter_subjects from 2.10');
  });

  it('an unreachable server fails the start without showing the credentials in its URL', { timeout: 30_000 }, async () => {
    const error = await startError(OneModule, { stream: uniqueStream('unreachable'), servers: 'nats://svc:s3cret@127.0.0.1:1', startTimeoutMs: 500 });
    assert.equal(error.name, 'BrokerUnavailableError');
    assert.equal((error as AckError).code, 'ACK_BROKER_UNAVAILABLE');
    assert.match(error.message, /NATS at nats:\/\/127\.0\.0\.1:1 did not answer/);
    assert.equal((error.cause as AckError).code, 'ACK_CONNECT_FAILED', 'the last attempt failed to connect');
    assert.doesNotMatch(`${error.message} ${error.stack} ${JSON.stringify(error)}`, /s3cret/);
  });

  it('subjects another stream holds: a BrokerConfigurationError that names that stream', { timeout: 30_000 }, async () => {
    const subject = uniqueName('overlap'); // earlier tests' streams hold SUBJECT
    const other = uniqueStream('holder');
    const stream = uniqueStream('overlap');
    streams.push(other, stream, `${stream}_DLQ`);
    await admin.jsm.streams.add({ name: other, subjects: [subject] });
    const started = Date.now();
    const error = await startError(oneHandlerModule(subject), { stream, ensureStream: true });
    assert.equal(error.name, 'BrokerConfigurationError');
    assert.equal((error as AckError).code, 'ACK_BROKER_CONFIGURATION');
    assert.match(error.message, new RegExp(`stream "${stream}" cannot take the subjects "${subject.replace(/\./g, '\\.')}": "${subject.replace(/\./g, '\\.')}" is held by stream "${other}"; consume that stream instead`));
    assert.ok(error.cause instanceof JetStreamApiError && error.cause.code === 10065, 'the server\'s answer (subjects overlap) is the cause');
    assert.ok(Date.now() - started < 5000, 'at once, without retrying');
    assert.equal(await admin.jsm.streams.info(stream).then(() => true, () => false), false, 'nothing was created');
  });

  it('handler patterns that are not subjects need the subjects option', { timeout: 30_000 }, async () => {
    const error = await startError(ObjectPatternModule, { stream: uniqueStream('objpattern'), ensureStream: true });
    assert.equal(error.name, 'InvalidOptionError');
    assert.equal((error as AckError).code, 'ACK_INVALID_OPTION');
    assert.match(error.message, /subjects.*not all NATS subjects/);
  });
});
