import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { AckPolicy, NackMessage } from '../../../lib/core';
import { AckModule } from '../../../lib/module';
import { RedisAckClient, RedisAckServer, type RedisAckContext } from '../../../lib/redis';
import { CaptureLogger } from '../../support/capture-logger';
import { uniqueName } from '../../support/names';
import { closeRedisAdmin, consumersOf, deadLettersIn, deleteKeys, outstandingIn, redisAdmin, REDIS_URL } from '../../support/redis-broker';
import { waitFor } from '../../support/wait-for';

/** The prefix of every stream of this test: the ACL key patterns name it, as an operator's would name `orders.*`. */
const PREFIX = uniqueName('acl');
const EVENTS = `${PREFIX}.events`;
const ASK = `${PREFIX}.ask`;
const OTHER = uniqueName('acl-other');
const counts = new Map<string, number>();
const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

/**
 * The ACL rules docs/redis.md gives, word for word (`<prefix>` = the streams' common prefix). The
 * handshake commands (`CLIENT SETNAME`, `CLIENT SETINFO`, `INFO` for the ready check) are ioredis'.
 */
const SERVER_RULES = (prefix: string) => [
  'resetkeys', `~${prefix}*`, '~nestjs-ack:reply:*', 'resetchannels', '-@all',
  '+client|setname', '+info', '+ping', '+client|id', '+client|unblock',
  '+xgroup|create', '+xreadgroup', '+xinfo|groups', '+evalsha', '+eval',
  '+xack', '+xdel', '+xtrim', '+xpending', '+xclaim', '+xautoclaim', '+xadd', '+xgroup|delconsumer',
  '+zadd', '+zscore', '+zrem', '+pttl', '+pexpire', '+time', '+type', '+rpush',
];
const PRODUCER_RULES = (prefix: string) => [
  'resetkeys', `%W~${prefix}*`, '~nestjs-ack:reply:*', 'resetchannels', '-@all',
  '+client|setname', '+info', '+xadd', '+blpop',
];

@Controller()
class AclController {
  @AckPolicy(AckPolicy.NACK_ON_ERROR, { retry: { maxDeliveries: 3 } })
  @EventPattern(EVENTS)
  handle(@Payload() data: { kind: string }, @Ctx() context: RedisAckContext) {
    bump(`${data.kind}:${context.getDeliveryCount()}`);
    // A short nack (touch), a long one (the hold script and the due-time set, then the reclaim script), and a dead letter.
    if (data.kind === 'short' && context.getDeliveryCount() === 1) throw new NackMessage({ delayMs: 10 });
    if (data.kind === 'long' && context.getDeliveryCount() === 1) throw new NackMessage({ delayMs: 1200 });
    if (data.kind === 'poison') throw new Error('poison');
  }

  @MessagePattern(ASK)
  ask() {
    return 'ok';
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [AclController] })
class AclModule {}

describe('Redis ACL users: the commands and keys docs/redis.md lists are enough (issue 26 item 11)', () => {
  const serverUser = uniqueName('acl-server');
  const producerUser = uniqueName('acl-producer');
  const password = randomBytes(12).toString('hex');
  const group = uniqueName('group');
  const urlOf = (user: string) => {
    const url = new URL(REDIS_URL);
    url.username = user;
    url.password = password;
    return url.toString();
  };
  after(async () => {
    await redisAdmin().call('ACL', 'DELUSER', serverUser, producerUser);
    await deleteKeys([EVENTS, ASK, OTHER, `${EVENTS}:dlq`, `${ASK}:dlq`, `${EVENTS}:nack-delays:${group}`, `${ASK}:nack-delays:${group}`]);
    await closeRedisAdmin();
  });

  it('a server and a producer restricted to their streams and the reply keys run the whole contract; the producer cannot write elsewhere', { timeout: 60_000 }, async () => {
    await redisAdmin().call('ACL', 'SETUSER', serverUser, 'reset', 'on', `>${password}`, ...SERVER_RULES(PREFIX));
    await redisAdmin().call('ACL', 'SETUSER', producerUser, 'reset', 'on', `>${password}`, ...PRODUCER_RULES(PREFIX));
    const logger = new CaptureLogger();
    const errors: string[] = [];
    const server = new RedisAckServer({ connection: urlOf(serverUser), group, minIdleMs: 1000, claimIntervalMs: 50, blockMs: 500 });
    server.on('error', (error: Error) => errors.push(error.message));
    const app = await NestFactory.createMicroservice(AclModule, { strategy: server, logger });
    const client = new RedisAckClient({ connection: urlOf(producerUser) });
    try {
      await app.listen();
      for (const kind of ['plain', 'short', 'long', 'poison']) await firstValueFrom(client.emit(EVENTS, { kind }), { defaultValue: undefined });
      assert.equal(await firstValueFrom(client.send(ASK, {})), 'ok', 'request and reply');
      await waitFor(async () => (await outstandingIn(EVENTS, group)) === 0, { timeoutMs: 20_000, message: 'every event settled' });
      assert.deepEqual([...counts.keys()].sort(), ['long:1', 'long:2', 'plain:1', 'poison:1', 'poison:2', 'poison:3', 'short:1', 'short:2']);
      assert.deepEqual((await deadLettersIn(`${EVENTS}:dlq`)).map((entry) => entry.view.reason), ['max-deliveries']);
      const health = await server.probeHealth();
      assert.equal(health.connected, true);
      assert.equal(health.backlog, 0);
      // The producer may only XADD to its streams (and read its reply list).
      await assert.rejects(firstValueFrom(client.emit(OTHER, {}), { defaultValue: undefined }), { code: 'ACK_PUBLISH_FAILED', message: /NOPERM/ });
      const producer = client.unwrap<import('ioredis').Redis>();
      await assert.rejects(producer.call('XRANGE', EVENTS, '-', '+'), /NOPERM/, 'no read of the streams');
      await assert.rejects(producer.call('XACK', EVENTS, group, '0-1'), /NOPERM/, 'no settling');
    } finally {
      await app.close();
      await client.close();
    }
    assert.deepEqual(await consumersOf(EVENTS, group), [], 'the consumer left the group at close (the leave script)');
    assert.deepEqual(errors, [], 'no refused command');
    assert.deepEqual(logger.lines.filter((line) => /NOPERM|permission/i.test(line.text)), []);
  });
});
