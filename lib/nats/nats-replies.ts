import type { WritePacket } from '@nestjs/microservices';
import type { ReplyPublisher } from '../core/broker-commands';
import { ConnectionClosedError, ReplyAddressRefusedError } from '../core/errors';
import type { ReplyAddressAllowList } from '../core/reply-address-allow-list';
import type { NatsLink } from './nats-commands';
import type { NatsMessage } from './nats-message';

/**
 * Replies of `NatsAckServer`: a plain publish (core NATS, not JetStream) of
 * Nest's reply packet to the subject the request's `nestjs-ack-reply-to`
 * header named, inside `replyAddresses`.
 */
export class NatsReplies implements ReplyPublisher<NatsMessage> {
  constructor(
    private readonly link: NatsLink,
    private readonly addresses: ReplyAddressAllowList,
  ) {}

  acceptsReplyAddress(replyTo: string): boolean {
    return this.addresses.accepts(replyTo);
  }

  async publishReply(_message: NatsMessage, replyTo: string, packet: WritePacket & { id: string }): Promise<void> {
    const connection = this.link.connection;
    if (!connection || connection.isClosed()) throw new ConnectionClosedError('the connection to NATS is closed');
    // The core checked it before the handler ran; checked again here so no other path can publish elsewhere.
    if (!this.addresses.accepts(replyTo)) throw new ReplyAddressRefusedError('the reply subject is not in replyAddresses');
    const { options: _options, ...body } = packet as WritePacket & { id: string; options?: unknown };
    connection.publish(replyTo, JSON.stringify(body));
  }
}
