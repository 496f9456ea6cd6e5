import { metrics, ValueType, type Attributes, type Counter, type Histogram, type MeterProvider } from '@opentelemetry/api';
import { INSTRUMENTATION_NAME } from './instrumentation-scope';

/** Names of the instruments `instrumentAck()` records. */
export const AckMetricNames = {
  /** Counter, `{message}`: messages published by a nestjs-ack client (the broker took them or the publish failed: `error.type`). */
  SENT: 'messaging.client.sent.messages',
  /** Counter, `{message}`: deliveries processed by a nestjs-ack server. */
  CONSUMED: 'messaging.client.consumed.messages',
  /** Counter, `{message}`: settlements carried out on the broker, by `nestjs_ack.outcome` (`ack`, `nack`, `reject`). */
  SETTLED: 'messaging.client.settled.messages',
  /** Histogram, seconds: from arrival to the end of the policy step. */
  PROCESS_DURATION: 'messaging.process.duration',
} as const;

/** The instruments, created at the first measurement (so a meter provider registered after `instrumentAck()` is still used). */
export class AckMetrics {
  private instruments?: { sent: Counter; consumed: Counter; settled: Counter; duration: Histogram };

  constructor(private readonly provider: MeterProvider | undefined) {}

  sent(attributes: Attributes): void {
    this.get().sent.add(1, attributes);
  }

  consumed(attributes: Attributes, durationMs: number): void {
    const { consumed, duration } = this.get();
    consumed.add(1, attributes);
    duration.record(durationMs / 1000, attributes);
  }

  settled(attributes: Attributes): void {
    this.get().settled.add(1, attributes);
  }

  private get() {
    if (this.instruments) return this.instruments;
    const meter = (this.provider ?? metrics.getMeterProvider()).getMeter(INSTRUMENTATION_NAME);
    const counter = (name: string, description: string) => meter.createCounter(name, { description, unit: '{message}', valueType: ValueType.INT });
    this.instruments = {
      sent: counter(AckMetricNames.SENT, 'Messages published by nestjs-ack clients'),
      consumed: counter(AckMetricNames.CONSUMED, 'Deliveries processed by nestjs-ack servers'),
      settled: counter(AckMetricNames.SETTLED, 'Settlements (ack, nack, reject) carried out on the broker'),
      duration: meter.createHistogram(AckMetricNames.PROCESS_DURATION, { description: 'Time from arrival to the end of the policy step', unit: 's' }),
    };
    return this.instruments;
  }
}
