import type { ConfirmChannel, Options } from 'amqplib';
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
export declare class ConfirmPublisher {
    private readonly renewal?;
    private readonly pending;
    private current;
    private open;
    private refused;
    private renewing?;
    constructor(channel: ConfirmChannel, renewal?: ChannelRenewal | undefined);
    get channel(): ConfirmChannel;
    get isOpen(): boolean;
    publish(exchange: string, routingKey: string, content: Buffer, options?: Options.Publish): Promise<void>;
    close(): Promise<void>;
    private renew;
    private watch;
    private onReturn;
}
