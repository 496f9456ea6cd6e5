import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RedisAckServer } from '../../../lib/redis';
import { uniqueName } from '../../support/names';
import { closeRedisAdmin, deleteKeys, redisAdmin, REDIS_URL } from '../../support/redis-broker';

@Module({})
class EmptyModule {}

/** A port nothing listens on. */
const NOWHERE = 'redis://:secret-password@127.0.0.1:6390';

describe('Redis Streams: start-up without Redis', () => {
  it('keeps trying, then fails listen() after reconnect.maxAttempts (before startTimeoutMs), naming the address without the password', { timeout: 30_000 }, async () => {
    const server = new RedisAckServer({ connection: NOWHERE, group: 'g', streams: [uniqueName('s')], reconnect: { initialDelayMs: 20, maxDelayMs: 50, maxAttempts: 3 } });
    const app = await NestFactory.createMicroservice(EmptyModule, { strategy: server, logger: false });
    await assert.rejects(app.listen(), (error: Error & { attempts?: number }) => {
      assert.equal(error.name, 'BrokerUnavailableError');
      assert.equal((error as Error & { code?: string }).code, 'ACK_BROKER_UNAVAILABLE');
      assert.equal(error.attempts, 3);
      assert.match(error.message, /Redis at redis:\/\/127\.0\.0\.1:6390 did not answer: 3 attempt.*could not connect to Redis at 127\.0\.0\.1:6390: .*ECONNREFUSED/);
      assert.doesNotMatch(error.message, /secret-password/);
      return true;
    });
    await app.close();
  });

  it('a close while it keeps trying cancels the start', { timeout: 30_000 }, async () => {
    const server = new RedisAckServer({ connection: NOWHERE, group: 'g', streams: [uniqueName('s')], reconnect: { initialDelayMs: 20, maxDelayMs: 50 } });
    const app = await NestFactory.createMicroservice(EmptyModule, { strategy: server, logger: false });
    const listening = app.listen().then(() => 'started', (error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the scenario: several failed attempts, then a close
    const started = Date.now();
    await app.close();
    assert.equal(await listening, 'ClosedDuringStartError');
    assert.ok(Date.now() - started < 2000, 'the close did not wait for Redis');
  });
});

describe('Redis Streams: start-up with a stream name that Redis holds as another type', () => {
  const taken = uniqueName('string-key');
  after(async () => {
    await deleteKeys([taken]);
    await closeRedisAdmin();
  });

  it('fails listen() at once with BrokerConfigurationError naming the key (XGROUP CREATE refused with WRONGTYPE), the key untouched', { timeout: 30_000 }, async () => {
    await redisAdmin().set(taken, 'not a stream');
    const server = new RedisAckServer({ connection: REDIS_URL, group: uniqueName('g'), streams: [taken], startTimeoutMs: 20_000 });
    const app = await NestFactory.createMicroservice(EmptyModule, { strategy: server, logger: false });
    const started = Date.now();
    await assert.rejects(app.listen(), (error: Error & { code?: string; broker?: string }) => {
      assert.equal(error.name, 'BrokerConfigurationError');
      assert.equal(error.code, 'ACK_BROKER_CONFIGURATION');
      assert.equal(error.broker, 'Redis');
      assert.match(error.message, new RegExp(`^nestjs-ack: Redis refused the set-up: XGROUP CREATE ${taken} .*: WRONGTYPE`));
      return true;
    });
    assert.ok(Date.now() - started < 5000, 'not retried until startTimeoutMs');
    assert.equal(await redisAdmin().get(taken), 'not a stream');
    await app.close();
  });
});

describe('Redis Streams: start-up with credentials Redis refuses', () => {
  it('fails listen() at once with BrokerConfigurationError (WRONGPASS), one "nestjs-ack:" prefix, no password in it', { timeout: 30_000 }, async () => {
    const url = new URL(REDIS_URL);
    url.username = uniqueName('no-such-user');
    url.password = 'wrong-s3cret';
    const server = new RedisAckServer({ connection: url.toString(), group: uniqueName('g'), streams: [uniqueName('s')], startTimeoutMs: 20_000 });
    const app = await NestFactory.createMicroservice(EmptyModule, { strategy: server, logger: false });
    const started = Date.now();
    await assert.rejects(app.listen(), (error: Error & { code?: string }) => {
      assert.equal(error.name, 'BrokerConfigurationError');
      assert.equal(error.code, 'ACK_BROKER_CONFIGURATION');
      assert.match(error.message, /^nestjs-ack: Redis refused the set-up: could not connect to Redis at [^:]+:\d+: WRONGPASS .*; check the user and password of the connection option$/);
      assert.doesNotMatch(error.message, /wrong-s3cret/);
      return true;
    });
    assert.ok(Date.now() - started < 5000, 'not retried until startTimeoutMs');
    await app.close();
  });
});
