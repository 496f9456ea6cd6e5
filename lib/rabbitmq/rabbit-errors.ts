import { ConnectFailedError } from '../core/errors';

/**
 * A set-up step on a fresh connection (a declaration, a check) failed without
 * a refusal from the broker (a refusal is a `BrokerConfigurationError`): most
 * often the connection went away mid-way. Like any failed connect, the start
 * tries again when its `cause` says the broker could not be reached.
 */
export class RabbitSetupFailedError extends ConnectFailedError {}
