/**
 * Bounds how far past its last confirmed commit a partition hands records
 * out: an offset may start only below `committed + size`. A crash (SIGKILL)
 * loses what was handled above the group's committed offset, so at most
 * `size` records per partition are handled again after it, however fast the
 * handlers and however slow the commits. The lowest unsettled offset is always
 * inside the window once its commit is confirmed, so the partition never
 * waits on itself. Offsets are counted, not records: gaps (compaction,
 * transaction markers) make the window hold fewer records, never more.
 * Pure: no broker, no timers.
 */
export declare class CommitWindow {
    readonly size: number;
    private committed;
    constructor(size: number);
    /** The first fetched offset: where the group's commit stood when this consumer got the partition. */
    begin(offset: number): void;
    /** Whether handing out `offset` fills half the window or more: time to commit, before the partition has to wait for it. */
    halfFull(offset: number): boolean;
    /** Whether `offset` may be handed out now. */
    allows(offset: number): boolean;
    /** The broker confirmed a commit at `offset`; returns whether the window moved. */
    confirm(offset: number): boolean;
}
