import type { AckServerOptions } from '../core/ack-server-options';
import type { ReplyAddressOptions } from '../core/reply-address-allow-list';
import type { InMemoryBroker } from './in-memory-broker';
import { REPLY_ADDRESS_KEYS, serverOptionKeys, type AllListed, type KeysListed } from '../core/option-keys';

/** Options of `InMemoryAckServer`. */
export interface InMemoryAckServerOptions extends AckServerOptions {
  /** The broker shared with the clients of the test. */
  broker: InMemoryBroker;
  /** Queue to consume. @defaultValue 'default' */
  queue?: string;
  /** Keep rejected messages in the queue's dead-letter list; `false` drops them. @defaultValue true */
  deadLetter?: boolean;
  /**
   * Simulates a broker lease (JetStream `ackWait`, a Redis pending entry's idle
   * time): a delivery unsettled for this long is delivered again, unless the
   * server renews the lease while its handler runs (every third of it).
   * @defaultValue undefined (no lease)
   */
  leaseMs?: number;
  /**
   * Reply addresses requests may name; others are dead-lettered as `invalid-reply-address`.
   * @defaultValue `{ prefixes: ['reply.'] }` (what `InMemoryAckClient` uses)
   */
  replyAddresses?: ReplyAddressOptions;
}

const IN_MEMORY_SERVER_OPTION_NAMES = ['broker', 'queue', 'deadLetter', 'leaseMs', 'replyAddresses'] as const satisfies readonly (keyof InMemoryAckServerOptions)[];
type _Server = AllListed<KeysListed<Omit<InMemoryAckServerOptions, keyof AckServerOptions>, typeof IN_MEMORY_SERVER_OPTION_NAMES>>;
/** The keys `InMemoryAckServer` takes (see `assertKnownKeys`). */
export const IN_MEMORY_SERVER_KEYS = serverOptionKeys(IN_MEMORY_SERVER_OPTION_NAMES, { replyAddresses: REPLY_ADDRESS_KEYS });
