import { randomBytes } from 'node:crypto';

/** A name no earlier run used: every test gets its own queues, topics, streams and groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}.${randomBytes(4).toString('hex')}`;
}
