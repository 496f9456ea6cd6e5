import type { AllListed, KeysListed } from '../core/option-keys';

/** Where rejected messages go. */
export interface RabbitDeadLetterOptions {
  /**
   * Exchange (type `direct`) that receives dead letters, ours and the
   * broker's own (a quorum queue's `x-delivery-limit`, an expired message).
   * Set as the queue's `x-dead-letter-exchange`.
   * @defaultValue `<queue>.dlx`
   */
  exchange?: string;
  /**
   * Queue bound to `exchange` that keeps the dead letters. Declared with the
   * same `queueType` as the source queue.
   * @defaultValue `<queue>.dlq`
   */
  queue?: string;
  /**
   * Routing key of dead letters on `exchange` (the queue's
   * `x-dead-letter-routing-key`), and the key `queue` is bound with.
   * @defaultValue the source queue's name
   */
  routingKey?: string;
}

/** The names of `RabbitDeadLetterOptions` (see `assertKnownKeys`). */
export const RABBIT_DEAD_LETTER_OPTION_NAMES = ['exchange', 'queue', 'routingKey'] as const satisfies readonly (keyof RabbitDeadLetterOptions)[];
type _DeadLetter = AllListed<KeysListed<RabbitDeadLetterOptions, typeof RABBIT_DEAD_LETTER_OPTION_NAMES>>;
