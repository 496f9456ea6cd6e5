"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.setAckObservers = setAckObservers;
exports.observeDelivery = observeDelivery;
exports.observePublish = observePublish;
exports.transportNameOf = transportNameOf;
let deliveryObserver;
let publishObserver;
/** Sets (or, with undefined, clears) the process-wide observers. Called by `instrumentAck()`; one set at a time, the last call wins. */
function setAckObservers(observers) {
    deliveryObserver = observers?.deliveries;
    publishObserver = observers?.publishes;
}
/** The observation of one delivery, or undefined when nobody observes. */
function observeDelivery(transport, message) {
    return deliveryObserver?.onDelivery({ transport, message });
}
/**
 * Publishes through `publish`, giving it the headers to add (trace context;
 * `undefined` when nobody observes) and reporting the end to the observer.
 */
function observePublish(info, publish) {
    const observation = publishObserver?.onPublish(info);
    if (!observation)
        return publish(undefined);
    return observation.run(() => publish(observation.headers)).then((result) => {
        observation.ended();
        return result;
    }, (error) => {
        observation.ended(error);
        throw error;
    });
}
/** The transport name in a transport id `Symbol.for('nestjs-ack.<name>')`. */
function transportNameOf(transportId) {
    return transportId.description?.replace(/^nestjs-ack\./, '') ?? 'unknown';
}
//# sourceMappingURL=telemetry-hooks.js.map