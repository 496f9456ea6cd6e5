/** A nats-server version as `[major, minor, patch]`; unknown parts are 0. */
export declare function parseServerVersion(version: string | undefined): [number, number, number];
/** Whether the server is at least `major.minor`. */
export declare function serverAtLeast(version: string | undefined, major: number, minor: number): boolean;
/** What the connected server can do that older ones cannot. */
export interface ServerFeatures {
    /** Several subjects on one consumer (`filter_subjects`), 2.10+. */
    multipleFilterSubjects: boolean;
    /** A reason on `+TERM` (2.11+); 2.9 and 2.10 take `+TERM <reason>` for an unknown ack and ignore it. */
    termReason: boolean;
}
export declare function featuresOf(version: string | undefined): ServerFeatures;
