import type { KafkaMessage as KafkaRecord } from 'kafkajs';
import { DeliverySlots } from '../core/delivery-slots';
import { KeyScheduler } from './key-scheduler';
import { toKafkaMessage } from './kafka-message';
import { PartitionWorker, type PartitionWorkerSettings } from './partition-worker';
import type { PartitionFetch } from './partition-fetch';

/** The lane of every record without a key under `ordering: 'key'`: they keep their order among themselves. */
const NULL_KEY = Symbol('null key');

/** Records of one key share a lane; `latin1` maps each byte to one character, so equal bytes and only those share it. */
function keyLane(record: KafkaRecord): unknown {
  return record.key === null ? NULL_KEY : record.key.toString('latin1');
}

/** Every record its own lane. */
function ownLane(record: KafkaRecord): unknown {
  return record.offset;
}

/**
 * `ordering: 'key'` and `'none'`: up to `concurrency` records of the partition
 * run at once (the server's limit still holds across partitions). Under
 * `'key'`, records of one key run one at a time in offset order (records
 * without a key count as one key); under `'none'` in any order. Records are
 * registered in the tracker as they are queued, so the commit never passes
 * one still waiting for its key.
 *
 * A nack holds only the record's key: the record goes back to the front of its
 * key's lane, which waits for the delay while other keys flow, then it is
 * handled again from memory (no seek). The commit stays at the nacked offset
 * meanwhile, so other keys go on up to the commit window, not further.
 */
export class KeyedPartitionWorker extends PartitionWorker {
  private readonly lanes: KeyScheduler<KafkaRecord>;
  /** The partition's share of handlers running at once (the server's `concurrency`; its own limit still holds across partitions). */
  private readonly slots: DeliverySlots;
  /** Records handed out and not yet below a confirmed commit, by offset: a nack, even a late one, brings one back from here. */
  private readonly handedOut = new Map<number, KafkaRecord>();
  private readonly retryTimers = new Map<number, NodeJS.Timeout>();

  constructor(topic: string, partition: number, fetch: PartitionFetch, settings: PartitionWorkerSettings, ordering: 'key' | 'none') {
    super(topic, partition, fetch, settings);
    this.lanes = new KeyScheduler<KafkaRecord>(ordering === 'key' ? keyLane : ownLane, (record) => Number(record.offset));
    this.slots = new DeliverySlots(settings.concurrency);
  }

  get queued(): number {
    return this.lanes.waiting;
  }

  nack(offset: number, delayMs: number): void {
    this.tracker.nack(offset);
    const record = this.handedOut.get(offset);
    if (!record || this.closed || this.retryTimers.has(offset)) return;
    this.lanes.hold(record);
    const timer = setTimeout(() => {
      this.retryTimers.delete(offset);
      this.lanes.release(record);
      this.pump();
    }, delayMs);
    this.retryTimers.set(offset, timer);
  }

  protected accept(records: KafkaRecord[]): void {
    for (const record of records) {
      try {
        if (this.tracker.queue(Number(record.offset))) this.lanes.push(record);
      } catch (error) {
        this.settings.reportError(error as Error, `partition ${this.topic}/${this.partition}`);
      }
    }
  }

  /** Held records go too: kafkajs fetches them again from the commit, and the tracker still counts their deliveries. */
  protected dropQueued(): void {
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
    this.lanes.clear();
  }

  protected forgetBelow(offset: number): void {
    for (const handed of this.handedOut.keys()) if (handed < offset) this.handedOut.delete(handed);
  }

  protected pump(): void {
    while (!this.closed && this.slots.free > 0) {
      const next = this.lanes.peek();
      if (!next || !this.withinWindow(Number(next.offset))) break; // `committed` pumps again
      const record = this.lanes.take()!;
      const offset = Number(record.offset);
      const deliveryCount = this.tracker.deliver(offset);
      if (deliveryCount === 0) {
        this.lanes.finish(record); // settled or in flight already (fetched twice)
        continue;
      }
      this.handedOut.set(offset, record);
      // Unkeyed: a nacked offset may come back while its first run is still finishing.
      void this.slots
        .hold(() => this.settings.handle(toKafkaMessage(record, this, deliveryCount)))
        .finally(() => {
          this.lanes.finish(record);
          this.pump();
        });
    }
    this.releaseWhenDrained();
  }
}
