import 'reflect-metadata';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RabbitAckServer, type RabbitAckServerOptions } from '../../../lib/rabbitmq';
import { uniqueName } from '../../support/names';
import { deleteRabbitTopology, RABBITMQ_URL, withRabbit } from '../../support/rabbit-broker';

@Module({})
class EmptyModule {}

async function listenError(options: RabbitAckServerOptions): Promise<Error> {
  const app = await NestFactory.createMicroservice(EmptyModule, { strategy: new RabbitAckServer(options), logger: false });
  try {
    await app.listen();
  } catch (error) {
    return error as Error;
  } finally {
    await app.close().catch(() => undefined);
  }
  throw new Error('listen() should have failed');
}

describe('RabbitAckServer start-up errors', () => {
  const queues: string[] = [];
  after(async () => {
    for (const queue of queues) await deleteRabbitTopology(queue);
  });

  it('an unreachable broker: listen() fails after startTimeoutMs, naming the host but never the password', { timeout: 30_000 }, async () => {
    const error = await listenError({ queue: uniqueName('startup'), urls: 'amqp://someone:s3cret-pw@127.0.0.1:1', startTimeoutMs: 500 });
    assert.equal(error.name, 'BrokerUnavailableError');
    assert.equal((error as Error & { code?: string }).code, 'ACK_BROKER_UNAVAILABLE');
    assert.equal((error.cause as Error & { code?: string }).code, 'ACK_CONNECT_FAILED', 'the last attempt: every address failed');
    assert.match(error.message, /RabbitMQ at amqp:\/\/127\.0\.0\.1:1 did not answer.*could not connect to RabbitMQ \(amqp:\/\/127\.0\.0\.1:1/);
    assert.ok(!error.message.includes('s3cret-pw'));
  });

  it('a queue that exists with other arguments: the error says what to change', { timeout: 30_000 }, async () => {
    const queue = uniqueName('startup');
    queues.push(queue);
    await withRabbit(async (model) => {
      const channel = await model.createChannel();
      await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'classic' } });
      await channel.close();
    });
    const started = Date.now();
    const error = await listenError({ queue, urls: RABBITMQ_URL });
    assert.equal(error.name, 'BrokerConfigurationError', 'a refusal, not "could not connect"');
    assert.equal((error as Error & { code?: string }).code, 'ACK_BROKER_CONFIGURATION');
    assert.match(error.message, /RabbitMQ refused the set-up: could not declare queue ".*": .*PRECONDITION_FAILED.*noAssert: true/);
    assert.doesNotMatch(error.message, /could not connect/);
    assert.ok(Date.now() - started < 5000, 'at once, without retrying for startTimeoutMs');
  });

  it('a user without the configure permission: a BrokerConfigurationError saying what to grant, at once', { timeout: 60_000 }, async () => {
    const user = `ack-noconf-${randomBytes(4).toString('hex')}`;
    const password = randomBytes(8).toString('hex');
    const ctl = (...args: string[]) => execFileSync('rabbitmqctl', args, { stdio: 'pipe', timeout: 30_000 });
    ctl('add_user', user, password);
    try {
      ctl('set_permissions', '-p', '/', user, '^$', '.*', '.*'); // may not declare anything
      const url = new URL(RABBITMQ_URL);
      url.username = user;
      url.password = password;
      const started = Date.now();
      const error = await listenError({ queue: uniqueName('startup'), urls: url.toString() });
      assert.equal(error.name, 'BrokerConfigurationError');
      assert.equal((error as Error & { code?: string }).code, 'ACK_BROKER_CONFIGURATION');
      assert.match(error.message, /could not declare .*ACCESS[_-]REFUSED.*rabbitmqctl set_permissions/);
      assert.ok(!error.message.includes(password));
      assert.ok(Date.now() - started < 5000, 'at once, without retrying');
    } finally {
      ctl('delete_user', user);
    }
  });

  it('noAssert on a queue that does not exist: the error names it', { timeout: 30_000 }, async () => {
    const queue = uniqueName('startup');
    const error = await listenError({ queue, urls: RABBITMQ_URL, noAssert: true });
    assert.equal(error.name, 'BrokerConfigurationError');
    assert.equal((error as Error & { code?: string }).code, 'ACK_BROKER_CONFIGURATION');
    assert.match(error.message, new RegExp(`could not check queue "${queue.replace(/\./g, '\\.')}": .*NOT_FOUND`));
  });
});
