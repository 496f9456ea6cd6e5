/** A name no earlier run used: every test gets its own queues, topics, streams and groups. */
export declare function uniqueName(prefix: string): string;
