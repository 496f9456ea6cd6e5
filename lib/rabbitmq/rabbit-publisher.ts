import type { ConfirmChannel, Message, Options } from 'amqplib';
import { asError, ConnectionClosedError, PublishFailedError, UnroutableMessageError } from '../core/errors';

interface PendingPublish {
  exchange: string;
  routingKey: string;
  content: Buffer;
  returned: boolean;
}

/** How a `ConfirmPublisher` gets a channel again after the broker refused a publish. */
export interface ChannelRenewal {
  open(): Promise<ConfirmChannel>;
  /** Called when the current channel closes without being replaced (a 406, the connection going). */
  onLost(): void;
}

/**
 * Publishes on a confirm channel and resolves only when the broker confirmed.
 * With `mandatory`, a message no queue took (the broker returns it before
 * confirming) fails with `UnroutableMessageError` instead of vanishing.
 *
 * With a `renewal`, the publish after a refused one (a nack: a queue at its
 * `reject-publish` limit) goes on a fresh channel: RabbitMQ 3.10 keeps
 * refusing a quorum queue's publishes on the channel that saw the refusal,
 * even after the limit was lifted.
 */
export class ConfirmPublisher {
  private readonly pending = new Set<PendingPublish>();
  private current: ConfirmChannel;
  private open = true;
  private refused = false;
  private renewing?: Promise<void>;

  constructor(
    channel: ConfirmChannel,
    private readonly renewal?: ChannelRenewal,
  ) {
    this.current = channel;
    this.watch(channel);
  }

  get channel(): ConfirmChannel {
    return this.current;
  }

  get isOpen(): boolean {
    return this.open;
  }

  async publish(exchange: string, routingKey: string, content: Buffer, options: Options.Publish = {}): Promise<void> {
    if (this.refused && this.renewal) await (this.renewing ??= this.renew().finally(() => (this.renewing = undefined)));
    if (!this.open) throw new ConnectionClosedError('the RabbitMQ publish channel is closed');
    const entry: PendingPublish = { exchange, routingKey, content, returned: false };
    this.pending.add(entry);
    return new Promise<void>((resolve, reject) => {
      const done = (error: unknown) => {
        this.pending.delete(entry);
        if (error) {
          this.refused = true;
          reject(new PublishFailedError(`RabbitMQ did not confirm the publish (${asError(error).message})`, { cause: error }));
        } else if (entry.returned) {
          reject(new UnroutableMessageError(`no queue took the message published to exchange "${exchange || '(default)'}" with routing key "${routingKey}"`));
        } else resolve();
      };
      try {
        this.current.publish(exchange, routingKey, content, options, done);
      } catch (error) {
        done(error ?? new PublishFailedError('the publish failed'));
      }
    });
  }

  async close(): Promise<void> {
    this.open = false;
    await this.current.close().catch(() => undefined);
  }

  private async renew(): Promise<void> {
    const previous = this.current;
    this.current = await this.renewal!.open();
    this.watch(this.current);
    this.refused = false;
    await previous.close().catch(() => undefined);
  }

  private watch(channel: ConfirmChannel): void {
    channel.on('return', (message: Message) => this.onReturn(message));
    channel.once('close', () => {
      if (channel !== this.current) return; // replaced on purpose
      this.open = false;
      this.renewal?.onLost();
    });
  }

  private onReturn(message: Message): void {
    const { exchange, routingKey } = message.fields as { exchange: string; routingKey: string };
    for (const entry of this.pending) {
      if (!entry.returned && entry.exchange === exchange && entry.routingKey === routingKey && entry.content.equals(message.content)) {
        entry.returned = true;
        return;
      }
    }
  }
}
