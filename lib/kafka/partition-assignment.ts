import type { KafkaMessage as KafkaRecord } from 'kafkajs';
import type { CommitCoalescer } from './commit-coalescer';
import type { KafkaOrdering } from './kafka-ack-server-options';
import { KeyedPartitionWorker } from './keyed-partition-worker';
import { OrderedPartitionWorker } from './ordered-partition-worker';
import { PartitionFetch, type FetchControl } from './partition-fetch';
import type { PartitionWorker, PartitionWorkerSettings } from './partition-worker';

/** The worker settings plus the order records are handed out in. */
export interface PartitionAssignmentSettings extends PartitionWorkerSettings {
  ordering: KafkaOrdering;
}

/**
 * The partitions this consumer owns, one `PartitionWorker` each (its kind set
 * by `ordering`), kept in step with the group's assignment (kafkajs
 * `GROUP_JOIN` after every rebalance). Fetched batches come in through
 * `receive`, confirmed commits through `committed`.
 */
export class PartitionAssignment {
  private readonly workers = new Map<string, PartitionWorker>();

  constructor(
    private readonly control: FetchControl,
    private readonly coalescer: CommitCoalescer,
    private readonly settings: PartitionAssignmentSettings,
  ) {}

  /** How many partitions this consumer owns. */
  get owned(): number {
    return this.workers.size;
  }

  /** A fetched batch of one partition: queued on its worker. */
  receive(topic: string, partition: number, records: KafkaRecord[]): void {
    this.workerFor(topic, partition).enqueue(records);
  }

  /** The broker confirmed a commit of `topic`/`partition` at `offset` (from the coalescer). */
  committed(topic: string, partition: number, offset: number): void {
    this.workers.get(`${topic}/${partition}`)?.committed(offset);
  }

  /**
   * After each (re)join: partitions still ours are fetched again from their
   * commit (kafkajs restarts there) and committed again; revoked ones are
   * retired (their running handlers no longer commit, their delivery counts are
   * forgotten with their tracker); new ones get a worker.
   */
  assign(assignment: Record<string, number[]>): void {
    const assigned = new Map<string, [string, number]>();
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) assigned.set(`${topic}/${partition}`, [topic, partition]);
    }
    for (const [key, worker] of this.workers) {
      if (assigned.has(key)) {
        worker.rejoined();
        this.coalescer.reset(worker.topic, worker.partition); // the flush racing the rejoin may have been refused
        continue;
      }
      worker.retire();
      this.coalescer.drop(worker.topic, worker.partition);
      this.workers.delete(key);
    }
    for (const [key, [topic, partition]] of assigned) {
      if (this.workers.has(key)) continue;
      this.workerFor(topic, partition).fetch.assigned(); // clears a pause left from an earlier ownership
    }
  }

  /** The worker of a partition (created when missing). */
  workerFor(topic: string, partition: number): PartitionWorker {
    const key = `${topic}/${partition}`;
    let worker = this.workers.get(key);
    if (!worker) {
      const fetch = new PartitionFetch(topic, partition, this.control);
      const { ordering } = this.settings;
      worker = ordering === 'partition' ? new OrderedPartitionWorker(topic, partition, fetch, this.settings) : new KeyedPartitionWorker(topic, partition, fetch, this.settings, ordering);
      this.workers.set(key, worker);
    }
    return worker;
  }

  /** Closing: deliver nothing more. */
  stopAll(): void {
    for (const worker of this.workers.values()) worker.stop();
  }
}
