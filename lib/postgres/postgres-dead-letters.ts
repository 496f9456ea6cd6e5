import { deadLetterHeaders, type DeadLetterRecord } from '../core/dead-letter-record';

/** A FAILED row as `PostgresSql.deadLetters` selects it. */
export interface FailedRow {
  id: string;
  queue: string;
  pattern: string | null;
  body: Buffer;
  headers: Record<string, unknown> | null;
  reason: string | null;
  error_name: string | null;
  last_error: string | null;
  attempts: number;
  first_failure_at: Date | null;
  last_failure_at: Date | null;
}

/**
 * A FAILED row as the dead-letter record every transport carries: original
 * body and headers, source `{ queue, id }`, reason, error, delivery count and
 * failure times. `headers` adds the `x-dead-letter-*` fields other transports
 * put on their dead-letter messages, for tools that read those.
 */
export function deadLetterOf(row: FailedRow): DeadLetterRecord & { headersWithRecord: Record<string, string> } {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(row.headers ?? {})) {
    if (value !== null && value !== undefined) headers[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  const lastFailureAt = row.last_failure_at ?? new Date(0);
  const record: DeadLetterRecord = {
    body: row.body,
    headers,
    source: { queue: row.queue, id: row.id },
    reason: row.reason ?? '',
    errorName: row.error_name ?? undefined,
    errorMessage: row.last_error ?? undefined,
    deliveryCount: row.attempts,
    firstFailureAt: row.first_failure_at ?? lastFailureAt,
    lastFailureAt,
  };
  return { ...record, headersWithRecord: deadLetterHeaders(record) };
}
