import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidOptionError } from '../../../lib/core';
import { RedisAckClient, RedisAckServer, type RedisAckServerOptions } from '../../../lib/redis';
import { resolveRedisSettings } from '../../../lib/redis/redis-settings';

const refuses = (options: Partial<RedisAckServerOptions>, option: string) =>
  assert.throws(() => resolveRedisSettings(options as RedisAckServerOptions), (error: Error) => {
    assert.ok(error instanceof InvalidOptionError, `${error.name}: ${error.message}`);
    assert.equal((error as InvalidOptionError).option, option);
    assert.equal((error as InvalidOptionError).code, 'ACK_INVALID_OPTION');
    return true;
  });

describe('Redis server options', () => {
  it('defaults', () => {
    const settings = resolveRedisSettings({ group: 'g' });
    assert.equal(settings.group, 'g');
    assert.match(settings.consumer, /^.+-\d+-[0-9a-f]{6}$/, 'host-pid-random');
    assert.equal(settings.blockMs, 2000);
    assert.equal(settings.minIdleMs, 30_000);
    assert.equal(settings.claimIntervalMs, 1000);
    assert.equal(settings.deadLetterSuffix, ':dlq');
    assert.equal(settings.deleteOnAck, false);
    assert.equal(settings.trimMaxLen, undefined);
    assert.equal(settings.startId, '0');
    assert.deepEqual(settings.streams, []);
    assert.equal(settings.streamsRouteByBody, false);
    assert.equal(settings.maxHeldNacks, 1000);
    assert.equal(settings.maxMessageBytes, Infinity, 'the server passes the core value');
  });

  it('replyAddresses: by default exactly the keys RedisAckClient replies to; given = the whole list', () => {
    const byDefault = resolveRedisSettings({ group: 'g' }).replyAddresses;
    assert.equal(byDefault.accepts(`nestjs-ack:reply:${'0'.repeat(8)}-0000-0000-0000-000000000000`), true);
    for (const refused of ['orders', 'orders:dlq', 'nestjs-ack:reply:', 'nestjs-ack:reply:a b', 'nestjs-ack:reply:\n', 'x:nestjs-ack:reply:1', `nestjs-ack:reply:${'a'.repeat(600)}`]) {
      assert.equal(byDefault.accepts(refused), false, refused);
    }
    const given = resolveRedisSettings({ group: 'g', replyAddresses: { prefixes: ['app:replies:'], names: ['app:one'] } }).replyAddresses;
    assert.equal(given.accepts('app:replies:1'), true);
    assert.equal(given.accepts('app:one'), true);
    assert.equal(given.accepts('nestjs-ack:reply:1'), false, 'the defaults are replaced');
  });

  it('two servers get two consumer names', () => {
    assert.notEqual(resolveRedisSettings({ group: 'g' }).consumer, resolveRedisSettings({ group: 'g' }).consumer);
  });

  it('refuses bad values, naming the option', () => {
    refuses({}, 'group');
    refuses({ group: ' ' }, 'group');
    refuses({ group: 'g', consumer: '' }, 'consumer');
    refuses({ group: 'g', blockMs: 0 }, 'blockMs');
    refuses({ group: 'g', minIdleMs: 5 }, 'minIdleMs');
    refuses({ group: 'g', claimIntervalMs: 1.5 }, 'claimIntervalMs');
    refuses({ group: 'g', startId: '>' as '$' }, 'startId');
    refuses({ group: 'g', streams: [''] }, 'streams');
    refuses({ group: 'g', deadLetter: { streamSuffix: '' } }, 'deadLetter.streamSuffix');
    refuses({ group: 'g', deadLetter: true as unknown as false }, 'deadLetter');
    refuses({ group: 'g', trimMaxLen: 0 }, 'trimMaxLen');
    refuses({ group: 'g', deleteOnAck: 'yes' as unknown as boolean }, 'deleteOnAck');
    refuses({ group: 'g', connection: 42 as unknown as string }, 'connection');
    refuses({ group: 'g', streamsRouteByBody: 'yes' as unknown as boolean }, 'streamsRouteByBody');
    refuses({ group: 'g', maxHeldNacks: -1 }, 'maxHeldNacks');
    refuses({ group: 'g', maxHeldNacks: 1.5 }, 'maxHeldNacks');
    refuses({ group: 'g', replyAddresses: { prefixes: ['a b'] } }, 'replyAddresses.prefixes');
    refuses({ group: 'g', replyAddresses: { names: [''] } }, 'replyAddresses.names');
  });

  it('dead-lettering off', () => {
    assert.equal(resolveRedisSettings({ group: 'g', deadLetter: false }).deadLetterSuffix, false);
  });

  it('the server constructor fails on bad options, before connecting', () => {
    assert.throws(() => new RedisAckServer({ group: 'g', minIdleMs: -1 }), InvalidOptionError);
  });

  it('the client refuses a replyPrefix no server allow-list could name', () => {
    for (const replyPrefix of ['', 'has space:', 'x'.repeat(500), 42 as unknown as string]) {
      assert.throws(() => new RedisAckClient({ replyPrefix }), (error: Error) => error instanceof InvalidOptionError && (error as InvalidOptionError).option === 'replyPrefix', String(replyPrefix));
    }
    assert.doesNotThrow(() => new RedisAckClient({ replyPrefix: 'app:replies:' }));
  });

  it('the lease is renewed at a third of minIdleMs', () => {
    const server = new RedisAckServer({ group: 'g', minIdleMs: 3000 });
    assert.equal((server as unknown as { commands: { leaseRenewalMs: number } }).commands.leaseRenewalMs, 1000);
  });
});
