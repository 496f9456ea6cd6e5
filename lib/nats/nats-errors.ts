import { AckError, asError, BrokerConfigurationError, BrokerError } from '../core/errors';

/** A stream or consumer the server was told to use does not exist (and was not to be created). */
export class NatsMissingResourceError extends BrokerConfigurationError {
  constructor(
    /** `stream` or `consumer`. */
    readonly kind: 'stream' | 'consumer',
    /** The missing stream's or consumer's name. */
    readonly resource: string,
    hint: string,
  ) {
    super('NATS', `the JetStream ${kind} "${resource}" does not exist; ${hint}`);
  }
}

/** An existing consumer whose configuration breaks the contract (it would settle or drop messages behind our back). */
export class NatsConsumerConfigError extends BrokerConfigurationError {
  constructor(message: string) {
    super('NATS', message);
  }
}

/** What the driver reported (a failed pull, a status error) as our `BrokerError`, the driver's error as its cause; ours stay as they are. */
export function asBrokerError(error: unknown): AckError {
  return error instanceof AckError ? error : new BrokerError(asError(error).message, { cause: error });
}
