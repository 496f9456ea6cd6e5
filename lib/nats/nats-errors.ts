import { AckError } from '../core/errors';

/** A stream or consumer the server was told to use does not exist (and was not to be created). */
export class NatsMissingResourceError extends AckError {
  constructor(
    /** `stream` or `consumer`. */
    readonly kind: 'stream' | 'consumer',
    /** The missing stream's or consumer's name. */
    readonly resource: string,
    hint: string,
  ) {
    super(`the JetStream ${kind} "${resource}" does not exist; ${hint}`);
  }
}

/** An existing consumer whose configuration breaks the contract (it would settle or drop messages behind our back). */
export class NatsConsumerConfigError extends AckError {}
