import { AuthorizationError, connect, UserAuthenticationExpiredError, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';
import { asError, BrokerConfigurationError, ConnectFailedError, type AckError } from '../core/errors';
import { redactUrl } from '../core/redact-url';

/**
 * Connects with the user's options (auth, TLS... passed through untouched and
 * never logged) over our defaults: reconnect forever, the client's own backoff.
 */
export function connectNats(servers: string[], options: Omit<ConnectionOptions, 'servers'>): Promise<NatsConnection> {
  return connect({ maxReconnectAttempts: -1, reconnectTimeWait: 500, ...options, servers });
}

/** A server address for logs: `host:port` URLs get the `nats://` they imply, and no credentials. */
export function natsAddress(server: string): string {
  return redactUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(server) ? server : `nats://${server}`);
}

/**
 * A failed connect as our error: a server that refused our credentials
 * (nats.js's `AuthorizationError` / `UserAuthenticationExpiredError`) is a
 * `BrokerConfigurationError`, which no retry will change; anything else is a
 * `ConnectFailedError` whose cause (the driver's error) tells the start
 * whether the server was unreachable and worth another attempt.
 */
export function explainConnectRefusal(error: unknown): AckError {
  const text = asError(error).message;
  if (error instanceof AuthorizationError || error instanceof UserAuthenticationExpiredError) {
    return new BrokerConfigurationError('NATS', `the server refused the credentials (${text}); check connectionOptions (user/pass, token, authenticator) and the user's permissions`, { cause: error });
  }
  return new ConnectFailedError(`could not connect to NATS: ${text}`, { cause: error });
}

/** What the connection's status events mean for the owner. */
export interface NatsStatusHooks {
  disconnected(server: string): void;
  reconnecting(attempt: number): void;
  reconnected(server: string): void;
  error(error: Error): void;
  /** The client gave up reconnecting (or was closed by someone else). */
  closed(): void;
}

/** Maps the client's status stream to `hooks` until the connection closes. */
export async function watchStatus(connection: NatsConnection, hooks: NatsStatusHooks): Promise<void> {
  let attempt = 0;
  void connection.closed().then(() => hooks.closed());
  for await (const status of connection.status()) {
    switch (status.type) {
      case 'disconnect':
        attempt = 0;
        hooks.disconnected(status.server);
        break;
      case 'reconnecting':
        hooks.reconnecting(++attempt);
        break;
      case 'reconnect':
        attempt = 0;
        hooks.reconnected(status.server);
        break;
      case 'error':
        hooks.error(status.error);
        break;
      default:
        break;
    }
  }
}
