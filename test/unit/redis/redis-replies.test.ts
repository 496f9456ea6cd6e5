import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PublishFailedError } from '../../../lib/core/errors';
import type { RedisMessage } from '../../../lib/redis';
import { RedisReplies } from '../../../lib/redis/redis-replies';
import type { ScriptedRedis } from '../../../lib/redis/redis-scripts';
import { resolveRedisSettings } from '../../../lib/redis/redis-settings';

/** A client whose reply script answers `kind` (the reply key's type before the push) and records its calls. */
function fakeRedis(kind: string): { redis: ScriptedRedis; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const redis = { nestjsAckReply: async (...args: unknown[]) => (calls.push(args), kind) } as unknown as ScriptedRedis;
  return { redis, calls };
}

const request = { correlationId: 'c-1' } as RedisMessage;
const settings = resolveRedisSettings({ group: 'g', replyTtlMs: 5000 });

describe('Redis replies', () => {
  it('pushes the reply with the request id and the time to live, to a list or a missing key', async () => {
    for (const kind of ['list', 'none']) {
      const { redis, calls } = fakeRedis(kind);
      await new RedisReplies(() => redis, settings).publishReply(request, 'nestjs-ack:reply:1', { id: 'packet-id', response: 42, isDisposed: true });
      assert.deepEqual(calls, [['nestjs-ack:reply:1', JSON.stringify({ id: 'c-1', response: 42, isDisposed: true }), 5000]]);
    }
  });

  it('a key of another type gets no reply: PublishFailedError naming the key', async () => {
    const { redis } = fakeRedis('stream');
    await assert.rejects(new RedisReplies(() => redis, settings).publishReply(request, 'orders', { id: 'p', response: 1 }), (error: PublishFailedError) => {
      assert.ok(error instanceof PublishFailedError);
      assert.equal(error.code, 'ACK_PUBLISH_FAILED');
      assert.match(error.message, /^nestjs-ack: the reply key "orders" holds a stream, not a list/);
      return true;
    });
  });

  it('accepts only the reply addresses the settings allow', () => {
    const replies = new RedisReplies(() => assert.fail('no command'), settings);
    assert.equal(replies.acceptsReplyAddress(`nestjs-ack:reply:${'0'.repeat(36)}`), true);
    assert.equal(replies.acceptsReplyAddress('orders'), false);
  });
});
