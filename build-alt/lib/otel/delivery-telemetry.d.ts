import type { DeliveryInfo, DeliveryObservation, DeliveryObserver } from '../core/telemetry-hooks';
import type { TelemetryParts } from './telemetry-parts';
/**
 * A CONSUMER span per delivery (child of, or linked to, the producer's span
 * found in the headers), active while the handler runs, ended once the policy
 * was applied; and the consumed / settled counters.
 */
export declare class DeliveryTelemetry implements DeliveryObserver {
    private readonly parts;
    constructor(parts: TelemetryParts);
    onDelivery({ transport, message }: DeliveryInfo): DeliveryObservation;
}
