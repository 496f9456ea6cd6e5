import type { ConnectionStatus } from '../core/connection-status';
import { AckTimeoutError } from '../core/errors';
import { FetchLiveness, fetchSilenceMs } from './fetch-liveness';

/** How often fetch silence is checked (status events for an outage kafkajs rides out). */
const LIVENESS_CHECK_MS = 1_000;

/** What the watch asks the server. */
export interface WatchedConsumer {
  /** The server is closing: its own disconnect is no outage. */
  isClosing(): boolean;
  /** Partitions are assigned, so fetches are due. */
  ownsPartitions(): boolean;
}

/**
 * The consumer's side of the server's connection status. kafkajs emits no
 * event when it loses a broker and rides the outage out (see `FetchLiveness`),
 * so the status follows what the consumer shows: a fetch or a join answered
 * (`up`), a crash (`down`, then `retrying` per crash), or silence while
 * partitions are assigned (`down`, `retrying`).
 */
export class KafkaConnectionWatch {
  private readonly liveness: FetchLiveness;
  private timer?: NodeJS.Timeout;
  /** Crashes since the last outage ended, for the status events and the health. */
  private crashes = 0;
  /** Between kafkajs's REBALANCING and the next GROUP_JOIN nothing is fetched, by design. */
  private rejoining = false;

  constructor(
    private readonly status: ConnectionStatus,
    maxWaitTimeInMs: number,
    private readonly consumer: WatchedConsumer,
  ) {
    this.liveness = new FetchLiveness(fetchSilenceMs(maxWaitTimeInMs), Date.now());
  }

  /** No crash since the last outage ended. */
  get steady(): boolean {
    return this.crashes === 0;
  }

  /** Starts looking for fetch silence. */
  start(): void {
    this.timer = setInterval(() => this.checkSilence(), LIVENESS_CHECK_MS).unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The group rebalances: silence is expected until the next join. */
  rebalancing(): void {
    this.rejoining = true;
  }

  /** The consumer joined the group. */
  joined(): void {
    this.rejoining = false;
    this.answered();
  }

  /** A fetch or a join answered: ends a reported outage. */
  answered(): void {
    if (!this.liveness.answered(Date.now()) || this.consumer.isClosing()) return;
    this.crashes = 0;
    this.status.up();
  }

  /** The consumer crashed after its first join. */
  crashed(error: Error): void {
    this.crashes++;
    if (this.liveness.markDown()) this.status.down(error);
    this.status.retrying(this.crashes);
  }

  /** Fetches went silent while partitions are assigned: the broker is gone (kafkajs retries on its own). */
  private checkSilence(): void {
    if (this.consumer.isClosing() || !this.liveness.check(Date.now(), this.consumer.ownsPartitions() && !this.rejoining)) return;
    this.status.down(new AckTimeoutError(`no fetch answered for ${this.liveness.silenceMs} ms`));
    this.status.retrying(1);
  }
}
