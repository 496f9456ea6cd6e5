import type { AckServerOptions } from '../core/ack-server-options';
import type { InMemoryBroker } from './in-memory-broker';

/** Options of `InMemoryAckServer`. */
export interface InMemoryAckServerOptions extends AckServerOptions {
  /** The broker shared with the clients of the test. */
  broker: InMemoryBroker;
  /** Queue to consume. @defaultValue 'default' */
  queue?: string;
  /** Keep rejected messages in the queue's dead-letter list; `false` drops them. @defaultValue true */
  deadLetter?: boolean;
}
