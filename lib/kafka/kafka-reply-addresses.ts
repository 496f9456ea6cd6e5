import { assertBoolean } from '../core/option-checks';
import { ReplyAddressAllowList, type ReplyAddressRules } from '../core/reply-address-allow-list';
import type { KafkaReplyAddressOptions } from './kafka-ack-server-options';

/** The topic prefix of `KafkaAckClient`'s own reply topics (`nestjs-ack.replies.<uuid>`). */
export const KAFKA_CLIENT_REPLY_PREFIX = 'nestjs-ack.replies.';

/** The suffix Nest's `ClientKafka` reads the replies of `<pattern>` on (`<pattern>.reply`). */
export const NEST_REPLY_SUFFIX = '.reply';

/** A legal Kafka topic name (not `.` nor `..`): a reply address can be nothing else. */
const TOPIC_SHAPE = /^(?!\.\.?$)[a-zA-Z0-9._-]{1,249}$/;

/** Our client's default reply topics; no fixed names (a client's own `replyTopic` is the operator's to add). */
const KAFKA_REPLY_RULES: ReplyAddressRules = {
  prefixes: [KAFKA_CLIENT_REPLY_PREFIX],
  names: [],
  shape: TOPIC_SHAPE,
  shapeText: 'a Kafka topic name (1-249 of a-z A-Z 0-9 . _ -)',
};

/**
 * The reply topics a request of `KafkaAckServer` may name in `kafka_replyTopic`:
 * `<its topic>.reply` (Nest's `ClientKafka`) and the allow-list (by default
 * `nestjs-ack.replies.*`, our client's). Given `prefixes` / `names` replace
 * that list. Every accepted name is a legal topic name.
 */
export class KafkaReplyAddresses {
  private readonly list: ReplyAddressAllowList;
  private readonly patternReplyTopics: boolean;

  constructor(given: KafkaReplyAddressOptions | undefined) {
    this.list = new ReplyAddressAllowList('replyAddresses', given, KAFKA_REPLY_RULES);
    this.patternReplyTopics = assertBoolean(given?.patternReplyTopics ?? true, 'replyAddresses.patternReplyTopics');
  }

  /** Whether the reply of a request read from `topic` may go to `replyTo`. */
  accepts(replyTo: string, topic: string): boolean {
    if (this.patternReplyTopics && replyTo.length === topic.length + NEST_REPLY_SUFFIX.length && replyTo.startsWith(topic) && replyTo.endsWith(NEST_REPLY_SUFFIX)) {
      return TOPIC_SHAPE.test(replyTo);
    }
    return this.list.accepts(replyTo);
  }
}
