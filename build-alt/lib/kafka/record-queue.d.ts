/**
 * A first-in first-out queue with O(1) take: `Array.shift()` copies the whole
 * array, which made draining a large fetch batch quadratic.
 */
export declare class RecordQueue<T> {
    private items;
    private head;
    get length(): number;
    push(item: T): void;
    /** The item `take()` would return, left in place. */
    peek(): T | undefined;
    take(): T | undefined;
    clear(): void;
}
