import type { INestMicroservice, Type } from '@nestjs/common';
import type { AckServer, AckServerOptions } from '../../lib/core';

/** A dead-letter entry as the conformance suite reads it back from the broker. */
export interface DeadLetterView {
  /** The original body, untouched. */
  body: Buffer;
  /** All headers of the dead-letter entry (original headers plus the x-dead-letter-* ones). */
  headers: Record<string, string>;
  reason: string;
  errorName?: string;
  errorMessage?: string;
  deliveryCount: number;
  /** The source as recorded (queue, topic/partition/offset...). */
  source: Record<string, string | number>;
}

/** What the suite asks a transport to start: one Nest app on fresh broker names. */
export interface ConformanceSetup {
  /** The Nest module holding the test's controllers (it imports AckModule when the test wants the filter). */
  module: Type<unknown>;
  /** Every pattern the module's handlers use (Kafka creates a topic per pattern). Unique per test. */
  patterns: string[];
  /** Server options under test (policy, retry, concurrency, shutdownTimeoutMs...). */
  serverOptions: AckServerOptions;
  /**
   * Whether to call `app.listen()` before returning. `false` lets the suite
   * start the app itself (to close it while it starts).
   * @defaultValue true
   */
  listen?: boolean;
}

/** A started app plus the broker-side views the suite asserts on. */
export interface ConformanceTarget {
  app: INestMicroservice;
  /** The server strategy the app runs on (the suite listens to its 'handled' and 'settled' events). */
  server: AckServer<any>;
  /** Publishes an event `{ pattern, data }` the way the transport's own client does. Resolves once the broker accepted it. */
  emit(pattern: string, data: unknown): Promise<void>;
  /** Sends a request; resolves with the reply, rejects with the error reply. */
  send(pattern: string, data: unknown): Promise<unknown>;
  /** Publishes bytes that cannot be decoded, where a message of `pattern` would go. */
  publishRaw(pattern: string, body: Buffer): Promise<void>;
  /**
   * Publishes `body` where a message of `pattern` would go, with what a producer
   * can write around it: headers, and a reply address with a correlation id (a
   * request), in the transport's own fields (AMQP properties, NATS / Kafka
   * headers, the Redis entry's fields, the PostgreSQL row's columns). Resolves once
   * the broker accepted it.
   */
  publishForged(pattern: string, body: Buffer, forged: ForgedFields): Promise<void>;
  /**
   * Messages of `pattern` the broker still counts as not settled for this app:
   * waiting, delivered but unacked, or waiting for a delayed redelivery.
   * Read from the broker (queue depth + unacked, end offset - committed offset...).
   */
  outstanding(pattern: string): Promise<number>;
  /** The dead-letter target's entries for `pattern`, read from the broker. */
  deadLetters(pattern: string): Promise<DeadLetterView[]>;
  /**
   * Consumers the broker sees for `pattern` (queue consumers, group members,
   * JetStream pull requests / consumer info, Redis group consumers with pending or
   * recent activity...). Read from the broker. Used to show a close leaves nothing behind.
   */
  consumers?(pattern: string): Promise<number>;
  /**
   * Makes the dead-letter target of `pattern` refuse new entries (`true`) or take
   * them again (`false`), with the broker's own means (a size limit, a full
   * queue...). Transports whose dead letters cannot be refused leave it out.
   */
  blockDeadLetters?(pattern: string, blocked: boolean): Promise<void>;
  /**
   * Closes the app if still open (graceful close of the server), then what the
   * adapter opened. Idempotent. `outstanding()` and `deadLetters()` keep working
   * after `app.close()` until this is called.
   */
  close(): Promise<void>;
}

/** What a producer writes beside the body (`publishForged`). */
export interface ForgedFields {
  headers?: Record<string, string>;
  replyTo?: string;
  correlationId?: string;
}

/** One transport under the conformance suite. */
export interface ConformanceAdapter {
  name: string;
  /**
   * Whether the transport carries replies. Without them the suite checks that a
   * `@MessagePattern` handler is refused at start instead of running the request matrix.
   * @defaultValue true
   */
  replies?: boolean;
  /**
   * The body a producer would put on the broker for an event of `pattern` whose
   * JSON data is `data` (raw bytes, possibly invalid). Default: Nest's envelope
   * `{"pattern":"<pattern>","data":<data>}`; Kafka's value is the data alone.
   */
  bodyOf?(pattern: string, data: Buffer): Buffer;
  /**
   * Whether this adapter's targets implement `blockDeadLetters` (the suite then
   * runs the refusing-dead-letter-target test).
   * @defaultValue false
   */
  canBlockDeadLetters?: boolean;
  /**
   * Whether the address a message comes on names its pattern (NATS subject,
   * Redis stream): the suite then checks that a body naming another pattern is
   * dead-lettered as `pattern-mismatch`. Kafka's body cannot name a pattern.
   * @defaultValue false
   */
  addressIsPattern?: boolean;
  /**
   * Reply addresses outside the transport's default allow-list worth trying
   * besides the suite's own (its control subjects, its other keys).
   * @defaultValue []
   */
  forgedReplyAddresses?: (pattern: string) => string[];
  start(setup: ConformanceSetup): Promise<ConformanceTarget>;
  /** Called once after the suite (close shared clients). */
  dispose?(): Promise<void>;
}
