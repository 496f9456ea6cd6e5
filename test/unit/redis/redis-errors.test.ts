import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReplyError } from 'ioredis';
import { BrokerError, ConnectionClosedError, DeliveryGoneError } from '../../../lib/core/errors';
import { asRedisError, redisErrorCode } from '../../../lib/redis/redis-errors';

describe('Redis error codes', () => {
  it("an error reply's code is its first word", () => {
    assert.equal(redisErrorCode(new ReplyError('BUSYGROUP Consumer Group name already exists')), 'BUSYGROUP');
    assert.equal(redisErrorCode(new ReplyError("NOGROUP No such key 'orders' or consumer group 'g' script: 8220, on @user_script:1.")), 'NOGROUP');
    assert.equal(redisErrorCode(new ReplyError('WRONGPASS invalid username-password pair or user is disabled.')), 'WRONGPASS');
  });

  it("a ReplyError of another copy of ioredis counts by its name", () => {
    const foreign = Object.assign(new Error('NOPERM this user has no permissions to run the xadd command'), { name: 'ReplyError' });
    assert.equal(redisErrorCode(foreign), 'NOPERM');
  });

  it('anything else has no code, whatever its text', () => {
    assert.equal(redisErrorCode(new Error('NOGROUP in a plain error')), undefined);
    assert.equal(redisErrorCode(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6390'), { code: 'ECONNREFUSED' })), undefined);
    assert.equal(redisErrorCode(undefined), undefined);
    assert.equal(redisErrorCode('BUSYGROUP'), undefined);
  });

  it('asRedisError: an error reply is BrokerError, anything else ConnectionClosedError, ours unchanged', () => {
    const reply = new ReplyError('OOM command not allowed when used memory > maxmemory');
    const asBroker = asRedisError(reply);
    assert.ok(asBroker instanceof BrokerError);
    assert.equal(asBroker.code, 'ACK_BROKER_ERROR');
    assert.equal(asBroker.message, 'nestjs-ack: OOM command not allowed when used memory > maxmemory');
    assert.equal(asBroker.cause, reply);
    assert.equal(asRedisError(new Error('Connection is closed.')).code, 'ACK_CONNECTION_CLOSED');
    assert.ok(asRedisError(new Error('Connection is closed.')) instanceof ConnectionClosedError);
    const ours = new DeliveryGoneError('gone');
    assert.equal(asRedisError(ours), ours);
  });
});
