import type { PublishInfo, PublishObservation, PublishObserver } from '../core/telemetry-hooks';
import type { TelemetryParts } from './telemetry-parts';
/**
 * A PRODUCER span per publish, child of the active span, whose context goes
 * into the message headers (`traceparent` / `tracestate` with the W3C
 * propagator); and the sent counter.
 */
export declare class PublishTelemetry implements PublishObserver {
    private readonly parts;
    constructor(parts: TelemetryParts);
    onPublish(info: PublishInfo): PublishObservation;
}
