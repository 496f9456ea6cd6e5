import type { WritePacket } from '@nestjs/microservices';
import type { Pool } from 'pg';
import type { ReplyPublisher } from '../core/broker-commands';
import { ReplyAddressAllowList, type ReplyAddressOptions } from '../core/reply-address-allow-list';
import type { PostgresMessage } from './postgres-message';
import { POSTGRES_REPLY_CHANNELS } from './postgres-reply-channels';
import type { PostgresSql } from './postgres-sql';

/**
 * Replies of `PostgresAckServer` requests: a row in `<table>_replies` filed
 * under the request's `reply_to` channel, and a NOTIFY on that channel at
 * commit (one statement, `PostgresSql.insertReply`). The caller's client takes
 * the row by id and channel.
 */
export class PostgresReplies implements ReplyPublisher<PostgresMessage> {
  /** Where `reply_to` may point: `pg_notify` and the replies table only ever see channels it accepts. */
  private readonly addresses: ReplyAddressAllowList;

  constructor(
    replyAddresses: ReplyAddressOptions | undefined,
    private readonly sql: PostgresSql,
    /** The server's pool; throws `DeliveryGoneError` once it is closed. */
    private readonly pool: () => Pool,
  ) {
    this.addresses = new ReplyAddressAllowList('replyAddresses', replyAddresses, POSTGRES_REPLY_CHANNELS);
  }

  /** Only channels of `replyAddresses` (by default those `PostgresAckClient` makes). */
  acceptsReplyAddress(replyTo: string): boolean {
    return this.addresses.accepts(replyTo);
  }

  /** Files the reply under the request's correlation id (else the packet's id), without the serializer's publish `options`. */
  async publishReply(message: PostgresMessage, replyTo: string, packet: WritePacket & { id: string }): Promise<void> {
    const { options: _options, ...body } = packet as WritePacket & { id: string; options?: unknown };
    await this.pool().query(this.sql.insertReply, [replyTo, message.correlationId ?? packet.id, Buffer.from(JSON.stringify(body))]);
  }
}
