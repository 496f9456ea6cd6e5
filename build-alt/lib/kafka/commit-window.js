"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CommitWindow = void 0;
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
class CommitWindow {
    size;
    committed;
    constructor(size) {
        this.size = size;
    }
    /** The first fetched offset: where the group's commit stood when this consumer got the partition. */
    begin(offset) {
        this.committed ??= offset;
    }
    /** Whether handing out `offset` fills half the window or more: time to commit, before the partition has to wait for it. */
    halfFull(offset) {
        return this.committed !== undefined && offset >= this.committed + this.size / 2;
    }
    /** Whether `offset` may be handed out now. */
    allows(offset) {
        return this.committed === undefined || offset < this.committed + this.size;
    }
    /** The broker confirmed a commit at `offset`; returns whether the window moved. */
    confirm(offset) {
        if (this.committed !== undefined && offset <= this.committed)
            return false;
        this.committed = offset;
        return true;
    }
}
exports.CommitWindow = CommitWindow;
//# sourceMappingURL=commit-window.js.map