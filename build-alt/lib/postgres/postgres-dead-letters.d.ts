import { type DeadLetterRecord } from '../core/dead-letter-record';
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
export declare function deadLetterOf(row: FailedRow): DeadLetterRecord & {
    headersWithRecord: Record<string, string>;
};
