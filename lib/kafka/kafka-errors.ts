import { AckError, asError, BrokerConfigurationError, BrokerError, ConnectFailedError, PublishFailedError } from '../core/errors';
import { isUnreachable } from '../core/start-attempts';

/** kafkajs protocol error types that mean the cluster refused the login (`KafkaJSProtocolError.type`). */
const LOGIN_REFUSED_TYPES = new Set(['SASL_AUTHENTICATION_FAILED', 'ILLEGAL_SASL_STATE', 'UNSUPPORTED_SASL_MECHANISM']);

/** What the checks below read of a kafkajs error (by property, never by message text). */
interface KafkaJSErrorShape {
  name?: unknown;
  type?: unknown;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown;
}

/** A failure kafkajs reported, as the `BrokerError` users get (the kafkajs message; the kafkajs error as `cause`). Ours stay as they are. */
export function kafkaFailure(error: unknown): AckError {
  if (error instanceof AckError) return error;
  return new BrokerError(asError(error).message, { cause: error });
}

/** A produce kafkajs did not get stored, as a `PublishFailedError` (the kafkajs error as `cause`). Ours stay as they are. */
export function kafkaPublishFailure(error: unknown): AckError {
  if (error instanceof AckError) return error;
  return new PublishFailedError(asError(error).message, { cause: error });
}

/**
 * A failed connect (a start attempt, a client's connect): nothing answered
 * (`ConnectFailedError`, which the start tries again), the cluster refused the
 * login (`BrokerConfigurationError`), or it answered with another failure
 * (`BrokerError`); either of the last two ends a start at once. Ours stay as they are.
 */
export function kafkaConnectFailure(error: unknown): AckError {
  if (error instanceof AckError) return error;
  const message = asError(error).message;
  if (isLoginRefused(error)) {
    return new BrokerConfigurationError('Kafka', `the cluster refused the login (${message}); check client.sasl (mechanism, user, password) and the user's ACLs`, { cause: error });
  }
  return isUnreachable(error) ? new ConnectFailedError(message, { cause: error }) : new BrokerError(message, { cause: error });
}

/** Whether `error` (or an error in its `cause` / `originalError` chain) is kafkajs saying the cluster refused the SASL login. */
export function isLoginRefused(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== 'object') return false;
  const { name, type, cause, originalError } = error as KafkaJSErrorShape;
  if (name === 'KafkaJSSASLAuthenticationError' || (typeof type === 'string' && LOGIN_REFUSED_TYPES.has(type))) return true;
  return isLoginRefused(cause, depth + 1) || isLoginRefused(originalError, depth + 1);
}

/**
 * Whether a failed `createTopics` says only that topics exist already (another
 * server of the group created them meanwhile): a `TOPIC_ALREADY_EXISTS`
 * protocol error, or an aggregate of nothing else.
 */
export function onlyTopicsExist(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== 'object') return false;
  const { type, errors, cause } = error as KafkaJSErrorShape;
  if (type === 'TOPIC_ALREADY_EXISTS') return true;
  if (Array.isArray(errors)) return errors.length > 0 && errors.every((inner) => onlyTopicsExist(inner, depth + 1));
  return onlyTopicsExist(cause, depth + 1);
}
