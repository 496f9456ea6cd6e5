import type { WritePacket } from '@nestjs/microservices';
import type { ReplyPublisher } from '../core/broker-commands';
import { PublishFailedError } from '../core/errors';
import { quoteUntrusted } from '../core/untrusted-text';
import type { RedisMessage } from './redis-message';
import type { ScriptedRedis } from './redis-scripts';
import type { RedisServerSettings } from './redis-settings';

/**
 * Replies of `RedisAckServer`: an `RPUSH` of the reply to the caller's list,
 * with a time to live so a list nobody reads goes away. One script
 * (`nestjsAckReply`) touches the key only when it holds a list or nothing;
 * the key passed `replyAddresses` before the handler ran.
 */
export class RedisReplies implements ReplyPublisher<RedisMessage> {
  constructor(
    /** The server's command connection (throws once it is closed). */
    private readonly redis: () => ScriptedRedis,
    private readonly settings: Pick<RedisServerSettings, 'replyAddresses' | 'replyTtlMs'>,
  ) {}

  acceptsReplyAddress(replyTo: string): boolean {
    return this.settings.replyAddresses.accepts(replyTo);
  }

  /** The reply carries the request's `correlationId` as its id (what `RedisAckClient` matches on). */
  async publishReply(message: RedisMessage, replyTo: string, packet: WritePacket & { id: string }): Promise<void> {
    const body = JSON.stringify({ ...packet, id: message.correlationId ?? packet.id });
    const kind = String(await this.redis().nestjsAckReply(replyTo, body, this.settings.replyTtlMs));
    if (kind !== 'list' && kind !== 'none') {
      throw new PublishFailedError(`the reply key ${quoteUntrusted(replyTo)} holds a ${kind}, not a list: no reply pushed, the key left untouched`);
    }
  }
}
