import { type Attributes, type MeterProvider } from '@opentelemetry/api';
/** Names of the instruments `instrumentAck()` records. */
export declare const AckMetricNames: {
    /** Counter, `{message}`: messages published by a nestjs-ack client (the broker took them or the publish failed: `error.type`). */
    readonly SENT: 'messaging.client.sent.messages';
    /** Counter, `{message}`: deliveries processed by a nestjs-ack server. */
    readonly CONSUMED: 'messaging.client.consumed.messages';
    /** Counter, `{message}`: settlements carried out on the broker, by `nestjs_ack.outcome` (`ack`, `nack`, `reject`). */
    readonly SETTLED: 'messaging.client.settled.messages';
    /** Histogram, seconds: from arrival to the end of the policy step. */
    readonly PROCESS_DURATION: 'messaging.process.duration';
};
/** The instruments, created at the first measurement (so a meter provider registered after `instrumentAck()` is still used). */
export declare class AckMetrics {
    private readonly provider;
    private instruments?;
    constructor(provider: MeterProvider | undefined);
    sent(attributes: Attributes): void;
    consumed(attributes: Attributes, durationMs: number): void;
    settled(attributes: Attributes): void;
    private get;
}
