import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReplyError, type Redis } from 'ioredis';
import { BrokerConfigurationError, ConnectFailedError } from '../../../lib/core/errors';
import { ensureGroups, isNoGroup } from '../../../lib/redis/redis-groups';

/** A client whose `XGROUP CREATE` fails with `error` on the stream `failing`, and records the streams it was asked for. */
function fakeRedis(failing: string, error: Error): { redis: Redis; created: string[] } {
  const created: string[] = [];
  const redis = { call: async (_cmd: string, _sub: string, stream: string) => (stream === failing ? Promise.reject(error) : (created.push(stream), 'OK')) } as unknown as Redis;
  return { redis, created };
}

describe('Redis consumer groups', () => {
  it('a group that exists (BUSYGROUP) is left as it is', async () => {
    const { redis, created } = fakeRedis('a', new ReplyError('BUSYGROUP Consumer Group name already exists'));
    await ensureGroups(redis, ['a', 'b'], 'g', '0');
    assert.deepEqual(created, ['b']);
  });

  it('a refusal (NOPERM, WRONGTYPE) is BrokerConfigurationError naming the stream', async () => {
    for (const reply of ['NOPERM this user has no permissions to access the key', 'WRONGTYPE Operation against a key holding the wrong kind of value']) {
      const { redis } = fakeRedis('orders', new ReplyError(reply));
      await assert.rejects(ensureGroups(redis, ['orders'], 'g', '0'), (error: BrokerConfigurationError) => {
        assert.ok(error instanceof BrokerConfigurationError);
        assert.equal(error.code, 'ACK_BROKER_CONFIGURATION');
        assert.equal(error.message, `nestjs-ack: Redis refused the set-up: XGROUP CREATE orders g: ${reply}`);
        return true;
      });
    }
  });

  it('no answer is ConnectFailedError with the driver error as cause (a start tries again when unreachable)', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
    const { redis } = fakeRedis('orders', refused);
    await assert.rejects(ensureGroups(redis, ['orders'], 'g', '0'), (error: ConnectFailedError) => error instanceof ConnectFailedError && error.cause === refused);
  });

  it('NOGROUP is told by its code, not by text elsewhere in a message', () => {
    assert.equal(isNoGroup(new ReplyError("NOGROUP No such key 'orders' or consumer group 'g' in XREADGROUP with GROUP option")), true);
    assert.equal(isNoGroup(new ReplyError('ERR Error running script: NOGROUP')), false);
    assert.equal(isNoGroup(new Error('NOGROUP')), false);
  });
});
