import type { InboundMessage } from './inbound-message';
import type { HandledEvent, SettlementEvent } from './settlement-event';

/**
 * Broker-free hooks for tracing and metrics: the core and the clients call
 * them, `nestjs-ack/otel` implements them with OpenTelemetry. Nothing here
 * imports a telemetry library; with no observer set, a delivery or a publish
 * pays one `undefined` check.
 */

/** What an observer learns when a delivery arrives, before it is decoded. */
export interface DeliveryInfo {
  /** The transport's name: `rabbitmq`, `kafka`, `nats`, `redis`, `postgres` or `in-memory`. */
  transport: string;
  message: InboundMessage;
}

/** One observed delivery: what the core tells the observer about it, in this order (`settled` may also come after `finished`, or never). */
export interface DeliveryObservation {
  /** Runs the delivery's processing (decode, handler, policy) inside the observer's context, e.g. with its span active. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * The delivery was routed to the handler of `pattern` (a pattern the server
   * registered, never a raw subject): a bounded name for spans and metrics.
   */
  routed?(pattern: string): void;
  /** The handler failed with `error` (the error as thrown; not called for control exceptions such as `NackMessage`). */
  failed(error: unknown): void;
  /** The settlement was carried out on the broker (at most once per delivery). */
  settled(event: SettlementEvent): void;
  /** Processing ended; `event` is undefined when it failed unexpectedly (reported as an `error` event). */
  finished(event: HandledEvent | undefined): void;
}

/** Sees every delivery of every nestjs-ack server in the process. */
export interface DeliveryObserver {
  /** Undefined: this delivery is not observed. Must not throw. */
  onDelivery(info: DeliveryInfo): DeliveryObservation | undefined;
}

/** What an observer learns when a client publishes. */
export interface PublishInfo {
  /** The transport's name, as in `DeliveryInfo`. */
  transport: string;
  /** The queue, topic, subject, stream or exchange the message goes to. */
  destination: string;
  /** The Nest pattern of the message. */
  pattern: string;
  /** `send()` (a request) rather than `emit()` (an event). */
  request: boolean;
}

/** One observed publish. */
export interface PublishObservation {
  /** Headers to add to the message (trace context). */
  readonly headers: Record<string, string>;
  /** Runs the publish inside the observer's context. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** The broker took the message (`error` undefined) or the publish failed. */
  ended(error?: unknown): void;
}

/** Sees every publish of every nestjs-ack client in the process. */
export interface PublishObserver {
  /** Undefined: this publish is not observed. Must not throw. */
  onPublish(info: PublishInfo): PublishObservation | undefined;
}

/** Both sides; either may be left out. */
export interface AckObservers {
  deliveries?: DeliveryObserver;
  publishes?: PublishObserver;
}

let deliveryObserver: DeliveryObserver | undefined;
let publishObserver: PublishObserver | undefined;

/** Sets (or, with undefined, clears) the process-wide observers. Called by `instrumentAck()`; one set at a time, the last call wins. */
export function setAckObservers(observers: AckObservers | undefined): void {
  deliveryObserver = observers?.deliveries;
  publishObserver = observers?.publishes;
}

/** The observation of one delivery, or undefined when nobody observes. */
export function observeDelivery(transport: string, message: InboundMessage): DeliveryObservation | undefined {
  return deliveryObserver?.onDelivery({ transport, message });
}

/**
 * Publishes through `publish`, giving it the headers to add (trace context;
 * `undefined` when nobody observes) and reporting the end to the observer.
 */
export function observePublish<T>(info: PublishInfo, publish: (headers: Record<string, string> | undefined) => Promise<T>): Promise<T> {
  const observation = publishObserver?.onPublish(info);
  if (!observation) return publish(undefined);
  return observation.run(() => publish(observation.headers)).then(
    (result) => {
      observation.ended();
      return result;
    },
    (error) => {
      observation.ended(error);
      throw error;
    },
  );
}

/** The transport name in a transport id `Symbol.for('nestjs-ack.<name>')`. */
export function transportNameOf(transportId: symbol): string {
  return transportId.description?.replace(/^nestjs-ack\./, '') ?? 'unknown';
}
