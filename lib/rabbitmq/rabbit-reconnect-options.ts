/** How to reconnect after the connection to RabbitMQ drops. */
export interface RabbitReconnectOptions {
  /** Wait before the first reconnect attempt. @defaultValue 200 */
  initialDelayMs?: number;
  /** Upper bound of the wait between attempts. @defaultValue 10000 */
  maxDelayMs?: number;
  /** Factor applied to the wait after each failed attempt. @defaultValue 2 */
  multiplier?: number;
  /** Attempts before giving up (status stays `disconnected`, an `error` event is emitted). @defaultValue Infinity */
  maxAttempts?: number;
}
