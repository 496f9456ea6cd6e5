import type { ConfirmChannel, Message, Options } from 'amqplib';

interface PendingPublish {
  exchange: string;
  routingKey: string;
  content: Buffer;
  returned: boolean;
}

/**
 * Publishes on a confirm channel and resolves only when the broker confirmed.
 * With `mandatory`, a message no queue took (the broker returns it before
 * confirming) fails instead of vanishing.
 */
export class ConfirmPublisher {
  private readonly pending = new Set<PendingPublish>();
  private open = true;

  constructor(readonly channel: ConfirmChannel) {
    channel.on('return', (message: Message) => this.onReturn(message));
    channel.once('close', () => (this.open = false));
  }

  get isOpen(): boolean {
    return this.open;
  }

  publish(exchange: string, routingKey: string, content: Buffer, options: Options.Publish = {}): Promise<void> {
    if (!this.open) return Promise.reject(new Error('nestjs-ack: the RabbitMQ publish channel is closed'));
    const entry: PendingPublish = { exchange, routingKey, content, returned: false };
    this.pending.add(entry);
    return new Promise<void>((resolve, reject) => {
      const done = (error: unknown) => {
        this.pending.delete(entry);
        if (error) reject(new Error(`nestjs-ack: RabbitMQ did not confirm the publish (${error instanceof Error ? error.message : String(error)})`));
        else if (entry.returned) reject(new Error(`nestjs-ack: no queue took the message published to exchange "${exchange || '(default)'}" with routing key "${routingKey}"`));
        else resolve();
      };
      try {
        this.channel.publish(exchange, routingKey, content, options, done);
      } catch (error) {
        done(error ?? new Error('publish failed'));
      }
    });
  }

  async close(): Promise<void> {
    this.open = false;
    await this.channel.close().catch(() => undefined);
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
