/**
 * The one difference between the terminus majors nestjs-ack supports that the
 * health indicator meets: how a check says `down`.
 *
 * | terminus | Nest   | a returned `{ status: 'down' }` | a thrown `HealthCheckError`     |
 * |----------|--------|---------------------------------|---------------------------------|
 * | 10.x     | 10     | counted as `up` (info)          | the way to report down          |
 * | 11.x     | 10, 11 | counted as down                 | counted as down (deprecated)    |
 * | 12.x     | 11, 12 | counted as down                 | gone: any throw is a 500        |
 *
 * Terminus >= 11 exports `HealthIndicatorService`; only older ones need the
 * throw. Terminus is loaded lazily, here only, so `nestjs-ack/health` imports
 * no terminus types and terminus stays an optional peer.
 */

type HealthCheckErrorClass = new (message: string, causes: unknown) => Error;

let legacyError: HealthCheckErrorClass | null | undefined;

/** Terminus 10's `HealthCheckError`, or null when the installed terminus takes returned `down` results. */
function legacyHealthCheckError(): HealthCheckErrorClass | null {
  if (legacyError === undefined) {
    let terminus: { HealthIndicatorService?: unknown; HealthCheckError?: HealthCheckErrorClass } | undefined;
    try {
      terminus = require('@nestjs/terminus');
    } catch {
      terminus = undefined; // used without terminus (a plain call): the returned result says it all
    }
    legacyError = terminus && !terminus.HealthIndicatorService && terminus.HealthCheckError ? terminus.HealthCheckError : null;
  }
  return legacyError;
}

/** Returns `result`, or throws it inside a `HealthCheckError` where the installed terminus (10.x) only sees thrown downs. */
export function reportDown<T>(result: T, message: string): T {
  const HealthCheckError = legacyHealthCheckError();
  if (HealthCheckError) throw new HealthCheckError(message, result);
  return result;
}
