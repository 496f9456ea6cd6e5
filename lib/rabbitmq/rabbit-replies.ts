import type { WritePacket } from '@nestjs/microservices';
import type { ReplyPublisher } from '../core/broker-commands';
import { ReplyAddressAllowList, type ReplyAddressOptions } from '../core/reply-address-allow-list';
import type { RabbitMessage, RabbitSession } from './rabbit-message';
import { RABBIT_REPLY_ADDRESSES } from './rabbit-reply-addresses';

/**
 * The replies of `RabbitAckServer`'s requests: published through the default
 * exchange to the request's `replyTo` (when `replyAddresses` allows it), with
 * the request's `correlationId`, on the publish channel of the live session.
 */
export class RabbitReplies implements ReplyPublisher<RabbitMessage> {
  private readonly allowList: ReplyAddressAllowList;

  constructor(
    replyAddresses: ReplyAddressOptions | undefined,
    /** The server's live session, if any. */
    private readonly currentSession: () => RabbitSession | undefined,
  ) {
    this.allowList = new ReplyAddressAllowList('replyAddresses', replyAddresses, RABBIT_REPLY_ADDRESSES);
  }

  acceptsReplyAddress(replyTo: string): boolean {
    return this.allowList.accepts(replyTo);
  }

  async publishReply(message: RabbitMessage, replyTo: string, packet: WritePacket & { id: string }): Promise<void> {
    const { options, ...body } = packet as WritePacket & { id: string; options?: Record<string, unknown> };
    // Direct reply-to works from any channel of the connection: a newer session's carries the reply after a reconnect.
    const session = this.currentSession();
    const publisher = session?.open ? session.publisher : message.session.publisher;
    // Not mandatory: a caller that went away must not turn a processed message into a failure.
    await publisher.publish('', replyTo, Buffer.from(JSON.stringify(body)), {
      ...options,
      correlationId: message.correlationId ?? packet.id,
    });
  }
}
