/** A nats-server version as `[major, minor, patch]`; unknown parts are 0. */
export function parseServerVersion(version: string | undefined): [number, number, number] {
  const [major, minor, patch] = String(version ?? '').split(/[.-]/).map((part) => Number.parseInt(part, 10));
  return [major || 0, minor || 0, patch || 0];
}

/** Whether the server is at least `major.minor`. */
export function serverAtLeast(version: string | undefined, major: number, minor: number): boolean {
  const [a, b] = parseServerVersion(version);
  return a > major || (a === major && b >= minor);
}

/** What the connected server can do that older ones cannot. */
export interface ServerFeatures {
  /** Several subjects on one consumer (`filter_subjects`), 2.10+. */
  multipleFilterSubjects: boolean;
  /** A reason on `+TERM` (2.11+); 2.9 and 2.10 take `+TERM <reason>` for an unknown ack and ignore it. */
  termReason: boolean;
}

export function featuresOf(version: string | undefined): ServerFeatures {
  return { multipleFilterSubjects: serverAtLeast(version, 2, 10), termReason: serverAtLeast(version, 2, 11) };
}
