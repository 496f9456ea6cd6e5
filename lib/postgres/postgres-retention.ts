import type { Pool } from 'pg';
import type { PostgresServerSettings } from './postgres-settings';
import type { PostgresSql } from './postgres-sql';

/** Rows deleted per retention statement, so a large backlog never holds long locks. */
const PURGE_BATCH = 5000;

/** Uncollected replies are kept at least this long (and a day when COMPLETED rows are kept for good). */
const MIN_REPLY_AGE_MS = 60_000;
const REPLY_AGE_WITHOUT_LIMIT_MS = 86_400_000;

/**
 * Deletes the queue's settled rows once they are older than `retention`
 * (COMPLETED after `completedMs`, FAILED after `failedMs`), and replies
 * nobody collected, every `retention.intervalMs`.
 */
export class PostgresRetention {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly settings: Pick<PostgresServerSettings, 'retention' | 'queue'>,
    private readonly sql: PostgresSql,
    /** The server's pool; undefined once it closed (a purge under way then stops). */
    private readonly pool: () => Pool | undefined,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.stop();
    this.timer = setInterval(() => void this.purge().catch(this.onError), this.settings.retention.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async purge(): Promise<void> {
    const { retention, queue } = this.settings;
    const pool = this.pool();
    if (!pool) return;
    for (const [state, ageMs] of [['COMPLETED', retention.completedMs], ['FAILED', retention.failedMs]] as const) {
      if (ageMs === Infinity) continue;
      // In slices, so a large backlog never holds long locks.
      while ((await pool.query(this.sql.purge, [queue, state, ageMs, PURGE_BATCH])).rowCount === PURGE_BATCH && this.pool());
    }
    const replyAgeMs = retention.completedMs === Infinity ? REPLY_AGE_WITHOUT_LIMIT_MS : retention.completedMs;
    await pool.query(this.sql.purgeReplies, [Math.max(replyAgeMs, MIN_REPLY_AGE_MS)]);
  }
}
