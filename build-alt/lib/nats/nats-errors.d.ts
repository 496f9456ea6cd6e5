import { AckError } from '../core/errors';
/** A stream or consumer the server was told to use does not exist (and was not to be created). */
export declare class NatsMissingResourceError extends AckError {
    /** `stream` or `consumer`. */
    readonly kind: 'stream' | 'consumer';
    /** The missing stream's or consumer's name. */
    readonly resource: string;
    constructor(
    /** `stream` or `consumer`. */
    kind: 'stream' | 'consumer', 
    /** The missing stream's or consumer's name. */
    resource: string, hint: string);
}
/** An existing consumer whose configuration breaks the contract (it would settle or drop messages behind our back). */
export declare class NatsConsumerConfigError extends AckError {
}
