import type { AckContext, HandledEvent } from '../../lib/core';
/** What the suite observed for one pattern: handler entries and contexts (the broker state is read separately). */
export declare class PatternProbe {
    /** Delivery counts seen at the first step (guard, interceptor, pipe or handler) of each delivery. */
    readonly deliveries: number[];
    readonly contexts: AckContext[];
    /** Results of manual settle calls made by handlers. */
    readonly manualResults: boolean[];
    readonly handled: HandledEvent[];
    private releaseGate?;
    private gate?;
    enter(context: AckContext): void;
    /** Makes handlers wait until `release()` (for in-flight close tests). */
    hold(): void;
    release(): void;
    waitAtGate(): Promise<void>;
    get lastContext(): AckContext;
}
/** Probes by pattern; handlers built by the suite find theirs here. */
export declare const probes: Map<string, PatternProbe>;
export declare function probeFor(pattern: string): PatternProbe;
