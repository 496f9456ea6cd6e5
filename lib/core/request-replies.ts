import type { ConsumerSerializer, IncomingRequest, MessageHandler } from '@nestjs/microservices';
import type { LoggerService } from '@nestjs/common';
import type { ReplyPublisher } from './broker-commands';
import { describeError } from './dead-letter-record';
import type { Delivery } from './delivery';
import type { InboundMessage } from './inbound-message';
import { patternAsString } from './nest-compat';
import { quoteUntrusted } from './untrusted-text';

/** Patterns remembered for once-per-pattern warnings: they come from producers, so only so many. */
const WARNED_PATTERNS_MAX = 1000;

/** Where a request's reply goes: nowhere (an event), an accepted address, or an address the allow-list refused. */
export type ReplyRoute = { kind: 'none' } | { kind: 'reply'; replyTo: string; id: string } | { kind: 'refused'; replyTo: string };

const NO_REPLY: ReplyRoute = { kind: 'none' };

/**
 * A server's side of request-reply: which address a request's reply may go
 * to (the transport's allow-list decides, never the message), and the
 * publishing of result and error replies.
 */
export class RequestReplies<M extends InboundMessage> {
  private readonly warnedNoAddress = new Set<string>();
  private readonly warnedRefused = new Set<string>();
  private readonly warnedEvent = new Set<string>();

  constructor(
    private readonly replies: ReplyPublisher<M> | undefined,
    private readonly serializer: () => ConsumerSerializer,
    private readonly logger: LoggerService,
  ) {}

  /**
   * The route of a delivery's reply. Events and messages for event handlers
   * have none; an event (`emit()`, no id) reaching a `@MessagePattern` handler
   * and a request without a reply address are handled with no reply, with one
   * warning per pattern; a request whose address the transport does not accept
   * is `refused` (one warning per pattern).
   */
  routeOf(message: M, packet: IncomingRequest, handler: MessageHandler | null): ReplyRoute {
    if (handler?.isEventHandler) return NO_REPLY;
    if (packet.id === undefined || packet.id === null) {
      if (handler) this.warnOnce(this.warnedEvent, patternAsString(packet.pattern), `an event reached the request handler for ${quoteUntrusted(patternAsString(packet.pattern))}; handled, no reply`);
      return NO_REPLY;
    }
    const pattern = patternAsString(packet.pattern);
    if (message.replyTo === undefined || !this.replies) {
      if (handler) this.warnOnce(this.warnedNoAddress, pattern, `a request for ${quoteUntrusted(pattern)} came without a reply address; handled, no reply sent`);
      return NO_REPLY;
    }
    if (!this.replies.acceptsReplyAddress(message.replyTo, message)) {
      this.warnOnce(this.warnedRefused, pattern, `a request for ${quoteUntrusted(pattern)} named the reply address ${quoteUntrusted(message.replyTo)}, which is not in replyAddresses; dead-lettered as invalid-reply-address, nothing published`);
      return { kind: 'refused', replyTo: message.replyTo };
    }
    return { kind: 'reply', replyTo: message.replyTo, id: String(packet.id) };
  }

  /** Publishes a handler's result values (one packet each; the last one disposes the request). */
  async sendValues(delivery: Delivery<M>, replyTo: string, id: string, values: unknown[]): Promise<void> {
    if (values.length === 0) values = [undefined];
    for (let i = 0; i < values.length; i++) {
      const packet = this.serializer().serialize({ id, response: values[i], isDisposed: i === values.length - 1 });
      await this.replies!.publishReply(delivery.message, replyTo, packet);
    }
  }

  /** Error replies are best effort: the settlement does not depend on them. */
  async sendError(delivery: Delivery<M>, replyTo: string, id: string, err: unknown): Promise<void> {
    try {
      await this.replies!.publishReply(delivery.message, replyTo, this.serializer().serialize({ id, err, isDisposed: true }));
    } catch (error) {
      this.logger.error(`could not send the error reply for ${quoteUntrusted(delivery.pattern)}: ${describeError(error).errorMessage}`);
    }
  }

  private warnOnce(warned: Set<string>, pattern: string, text: string): void {
    if (warned.has(pattern) || warned.size >= WARNED_PATTERNS_MAX) return;
    warned.add(pattern);
    this.logger.warn(text);
  }
}
