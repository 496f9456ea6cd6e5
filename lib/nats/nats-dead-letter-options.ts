import type { AllListed, KeysListed } from '../core/option-keys';

/** Where `NatsAckServer` stores rejected messages. */
export interface NatsDeadLetterOptions {
  /** The dead-letter stream. @defaultValue `<stream>_DLQ` */
  stream?: string;
  /**
   * Prefix of the dead-letter subjects: a message of subject `orders.created`
   * is stored as `<subjectPrefix>.orders.created`. The stream must capture
   * `<subjectPrefix>.>`.
   * @defaultValue `dead-letter.<stream>`
   */
  subjectPrefix?: string;
  /** How long a dead-letter publish may wait for the stream's acknowledgement. @defaultValue 5000 */
  publishTimeoutMs?: number;
}

/** The names of `NatsDeadLetterOptions` (see `assertKnownKeys`). */
export const NATS_DEAD_LETTER_OPTION_NAMES = ['stream', 'subjectPrefix', 'publishTimeoutMs'] as const satisfies readonly (keyof NatsDeadLetterOptions)[];
type _DeadLetter = AllListed<KeysListed<NatsDeadLetterOptions, typeof NATS_DEAD_LETTER_OPTION_NAMES>>;
