import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Controller, Module, type INestMicroservice, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { AckPolicy } from '../../lib/core';
import { RedisAckClient, RedisAckServer, RedisFields, type RedisAckServerOptions } from '../../lib/redis';
import { uniqueName } from '../support/names';
import { closeRedisAdmin, deadLettersIn, deleteKeys, outstandingIn, pendingEntries, redisAdmin, REDIS_URL } from '../support/redis-broker';
import { waitFor } from '../support/wait-for';

/** What a producer with XADD rights can write: the entry fields, each value of its choosing. */
async function forge(stream: string, fields: Record<string, string | Buffer>): Promise<void> {
  await redisAdmin().call('XADD', stream, '*', ...Object.entries(fields).flat());
}

const request = (pattern: string, id: string) => JSON.stringify({ pattern, data: 1, id });
const event = (pattern: string) => JSON.stringify({ pattern, data: 1 });

async function reasons(stream: string): Promise<string[]> {
  return (await deadLettersIn(`${stream}:dlq`)).map((entry) => entry.view.reason);
}

/** Streams, dead-letter streams and other keys a test made; deleted at the end. */
const keys: string[] = [];
const calls = new Map<string, number>();
const count = (pattern: string) => calls.set(pattern, (calls.get(pattern) ?? 0) + 1);
let releaseHeld: () => void = () => undefined;

async function startApp(module: Type<unknown>, options: Omit<RedisAckServerOptions, 'group'>): Promise<{ app: INestMicroservice; server: RedisAckServer; group: string }> {
  const group = uniqueName('trust');
  // startId '$': each app reads only what the test writes after it started (earlier apps' entries stay theirs).
  const server = new RedisAckServer({ connection: REDIS_URL, group, startId: '$', blockMs: 500, claimIntervalMs: 50, ...options });
  const app = await NestFactory.createMicroservice(module, { strategy: server, logger: false });
  await app.listen();
  return { app, server, group };
}

describe('Redis Streams: what a producer writes into an entry does not steer the server', () => {
  after(async () => {
    releaseHeld();
    await deleteKeys(keys);
    await closeRedisAdmin();
  });

  describe('reply keys (issue 26 item 1)', () => {
    const HOLD = uniqueName('trust-hold');
    const ASK = uniqueName('trust-ask');
    keys.push(HOLD, `${HOLD}:dlq`, ASK, `${ASK}:dlq`);

    @Controller()
    class ReplyController {
      @AckPolicy(AckPolicy.ACK)
      @EventPattern(HOLD)
      hold() {
        count(HOLD);
        return new Promise<void>((resolve) => (releaseHeld = resolve)); // its entry stays pending meanwhile
      }

      @MessagePattern(ASK)
      ask() {
        count(ASK);
        return 'ok';
      }
    }
    @Module({ controllers: [ReplyController] })
    class ReplyModule {}

    it('a replyTo naming the server\'s own stream or a string key is dead-lettered as invalid-reply-address: no command touches that key', { timeout: 60_000 }, async () => {
      const STRING_KEY = uniqueName('trust-string');
      keys.push(STRING_KEY);
      await redisAdmin().set(STRING_KEY, 'precious');
      // A short replyTtlMs: on 15f5d55 the PEXPIRE of the refused RPUSH made the stream vanish within 50 ms.
      const { app, group } = await startApp(ReplyModule, { replyTtlMs: 50 });
      const client = new RedisAckClient({ connection: REDIS_URL });
      try {
        await firstValueFrom(client.emit(HOLD, 1), { defaultValue: undefined });
        await waitFor(() => calls.get(HOLD) === 1, { message: 'the held entry in its handler' });
        await forge(ASK, { [RedisFields.BODY]: request(ASK, 'r1'), [RedisFields.REPLY_TO]: HOLD, [RedisFields.CORRELATION_ID]: 'r1' });
        await forge(ASK, { [RedisFields.BODY]: request(ASK, 'r2'), [RedisFields.REPLY_TO]: STRING_KEY, [RedisFields.CORRELATION_ID]: 'r2' });
        await waitFor(async () => (await reasons(ASK)).length === 2, { message: 'both requests dead-lettered' });
        assert.deepEqual(await reasons(ASK), ['invalid-reply-address', 'invalid-reply-address']);
        assert.equal(calls.get(ASK), undefined, 'the handler never ran');
        assert.equal(await outstandingIn(ASK, group), 0, 'both settled');
        // The stream named as reply key: its entry, its pending entry and its group are intact, no expiry set.
        assert.equal(await redisAdmin().xlen(HOLD), 1, 'XLEN');
        assert.equal((await pendingEntries(HOLD, group)).length, 1, 'XPENDING');
        assert.equal(await redisAdmin().pttl(HOLD), -1, 'the stream has no TTL');
        assert.equal(await redisAdmin().pttl(STRING_KEY), -1, 'the string key has no TTL');
        assert.equal(await redisAdmin().get(STRING_KEY), 'precious');
        // (Our own client's requests getting their replies after a refused one is the conformance suite's: a
        // reply list living 50 ms can expire before a client on a loaded machine reads it.)
      } finally {
        releaseHeld();
        await app.close();
        await client.close();
      }
    });

    it('an allowed reply key that holds another type gets no RPUSH and no PEXPIRE; the completed request is acked, the lost reply an error event', { timeout: 60_000 }, async () => {
      const TRAP = `nestjs-ack:reply:${uniqueName('trap')}`;
      keys.push(TRAP);
      await redisAdmin().set(TRAP, 'not a list');
      calls.delete(ASK);
      const { app, server, group } = await startApp(ReplyModule, { replyTtlMs: 50 });
      const errors: (Error & { code?: string })[] = [];
      server.on('error', (error: Error) => errors.push(error));
      try {
        await forge(ASK, { [RedisFields.BODY]: request(ASK, 'r3'), [RedisFields.REPLY_TO]: TRAP, [RedisFields.CORRELATION_ID]: 'r3' });
        await waitFor(() => errors.some((error) => error.message.includes('not a list')), { message: 'the lost reply reported' });
        assert.equal(errors.find((error) => error.message.includes('not a list'))?.code, 'ACK_PUBLISH_FAILED');
        assert.equal(calls.get(ASK), 1, 'the handler ran once');
        await waitFor(async () => (await outstandingIn(ASK, group)) === 0, { message: 'the request acked' });
        assert.deepEqual(await reasons(ASK), ['invalid-reply-address', 'invalid-reply-address'], 'no new dead letter: a completed handler is not failed by its reply');
        assert.equal(await redisAdmin().pttl(TRAP), -1, 'no PEXPIRE on the key');
        assert.equal(await redisAdmin().get(TRAP), 'not a list');
      } finally {
        await app.close();
      }
    });
  });

  describe('the stream decides the handler (issue 26 item 8)', () => {
    const PUBLIC = uniqueName('trust-public');
    const ADMIN = uniqueName('trust-admin');
    const INBOX = uniqueName('trust-inbox'); // read through `streams`, no handler of its own
    keys.push(PUBLIC, `${PUBLIC}:dlq`, ADMIN, `${ADMIN}:dlq`, INBOX, `${INBOX}:dlq`);

    @Controller()
    class RoutedController {
      @AckPolicy(AckPolicy.ACK)
      @EventPattern(PUBLIC)
      public() {
        count(PUBLIC);
      }

      @AckPolicy(AckPolicy.ACK)
      @EventPattern(ADMIN)
      admin() {
        count(ADMIN);
      }
    }
    @Module({ controllers: [RoutedController] })
    class RoutedModule {}

    it('on a handler\'s stream, a body naming another handler is pattern-mismatch; on a `streams` stream too, unless streamsRouteByBody', { timeout: 60_000 }, async () => {
      let { app, group } = await startApp(RoutedModule, { streams: [INBOX] });
      try {
        await forge(PUBLIC, { [RedisFields.BODY]: event(ADMIN) });
        await forge(INBOX, { [RedisFields.BODY]: event(ADMIN) });
        await forge(INBOX, { [RedisFields.BODY]: event(INBOX) });
        await forge(PUBLIC, { [RedisFields.BODY]: event(PUBLIC) });
        await waitFor(async () => (await reasons(PUBLIC)).length === 1 && (await reasons(INBOX)).length === 2 && calls.get(PUBLIC) === 1, { message: 'every entry settled' });
        assert.deepEqual(await reasons(PUBLIC), ['pattern-mismatch']);
        assert.deepEqual(await reasons(INBOX), ['pattern-mismatch', 'no-handler'], 'an extra stream must name itself: no handler of that name');
        assert.equal(calls.get(ADMIN), undefined, 'the admin handler never ran');
        assert.deepEqual(await reasons(ADMIN), []);
        assert.equal(await outstandingIn(PUBLIC, group), 0);
        await app.close();

        // Opted in: the inbox stream runs whatever handler its body names; the handlers' own streams still do not.
        ({ app, group } = await startApp(RoutedModule, { streams: [INBOX], streamsRouteByBody: true }));
        await forge(INBOX, { [RedisFields.BODY]: event(ADMIN) });
        await forge(PUBLIC, { [RedisFields.BODY]: event(ADMIN) });
        await waitFor(async () => calls.get(ADMIN) === 1 && (await reasons(PUBLIC)).length === 2, { message: 'both settled' });
        assert.deepEqual(await reasons(PUBLIC), ['pattern-mismatch', 'pattern-mismatch']);
        assert.equal(calls.get(ADMIN), 1);
      } finally {
        await app.close();
      }
    });
  });

  describe('size (issue 26 item 7)', () => {
    const SMALL = uniqueName('trust-size');
    keys.push(SMALL, `${SMALL}:dlq`);

    @Controller()
    class SizeController {
      @AckPolicy(AckPolicy.ACK)
      @EventPattern(SMALL)
      handle() {
        count(SMALL);
      }
    }
    @Module({ controllers: [SizeController] })
    class SizeModule {}

    it('a 20 MiB headers field (or any other field) with a small body never reaches the handler under the default maxMessageBytes (16 MiB)', { timeout: 120_000 }, async () => {
      const { app, group } = await startApp(SizeModule, {});
      const big = 20 * 1024 * 1024;
      try {
        // Not JSON: parsed headers would be {} and only the raw size can tell. Then valid JSON, then a field of its own.
        await forge(SMALL, { [RedisFields.BODY]: event(SMALL), [RedisFields.HEADERS]: Buffer.alloc(big, 'x') });
        await forge(SMALL, { [RedisFields.BODY]: event(SMALL), [RedisFields.HEADERS]: JSON.stringify({ filler: 'x'.repeat(big) }) });
        await forge(SMALL, { [RedisFields.BODY]: event(SMALL), filler: Buffer.alloc(big, 'x') });
        await forge(SMALL, { [RedisFields.BODY]: event(SMALL) });
        await waitFor(async () => (await outstandingIn(SMALL, group)) === 0 && calls.get(SMALL) === 1, { timeoutMs: 60_000, message: 'every entry settled' });
        assert.equal(calls.get(SMALL), 1, 'only the small entry reached the handler');
        const dead = await deadLettersIn(`${SMALL}:dlq`);
        assert.deepEqual(dead.map((entry) => entry.view.reason), ['deserialization', 'deserialization', 'deserialization']);
        for (const entry of dead) assert.match(entry.view.errorMessage ?? '', /over maxMessageBytes=16777216/);
      } finally {
        await app.close();
      }
    });
  });
});
