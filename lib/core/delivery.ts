import type { InboundMessage } from './inbound-message';
import type { HandledEvent } from './settlement-event';
import type { ResolvedRetry } from './retry';
import type { SettleOnce } from './settle-once';
import type { DeliveryObservation } from './telemetry-hooks';

/** One delivery being processed: the message, the pattern it was routed by, its retry rules and its settle-once state. */
export class Delivery<M extends InboundMessage> {
  /** How processing ended, once it did. */
  outcome?: HandledEvent['outcome'];

  constructor(
    readonly message: M,
    readonly pattern: string,
    readonly retry: ResolvedRetry,
    readonly state: SettleOnce,
    /** Told of the settlement when a telemetry observer is set. */
    readonly observation?: DeliveryObservation,
  ) {}
}
