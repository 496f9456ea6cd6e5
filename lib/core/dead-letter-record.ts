import { safeStringify } from './errors';

/** Where a message came from: topic/partition/offset, queue, stream/sequence, row id... */
export type MessageSource = Record<string, string | number>;

/** Everything a dead-letter entry carries, whatever the broker. */
export interface DeadLetterRecord {
  /** The original body, untouched. */
  body: Buffer;
  /** The original headers. */
  headers: Record<string, string>;
  source: MessageSource;
  reason: string;
  errorName?: string;
  errorMessage?: string;
  deliveryCount: number;
  firstFailureAt: Date;
  lastFailureAt: Date;
}

/** Header names used when a broker carries the record's fields as message headers. */
export const DeadLetterHeaders = {
  REASON: 'x-dead-letter-reason',
  ERROR_NAME: 'x-dead-letter-error-name',
  ERROR_MESSAGE: 'x-dead-letter-error-message',
  SOURCE: 'x-dead-letter-source',
  DELIVERY_COUNT: 'x-dead-letter-delivery-count',
  FIRST_FAILURE_AT: 'x-dead-letter-first-failure-at',
  LAST_FAILURE_AT: 'x-dead-letter-last-failure-at',
} as const;

/** Longest error message kept, so a huge message cannot bloat every dead letter. */
const MAX_ERROR_MESSAGE = 1000;

/** The record's fields (all but body) as string headers, the original headers first. */
export function deadLetterHeaders(record: DeadLetterRecord): Record<string, string> {
  const headers: Record<string, string> = {
    ...record.headers,
    [DeadLetterHeaders.REASON]: record.reason,
    [DeadLetterHeaders.SOURCE]: JSON.stringify(record.source),
    [DeadLetterHeaders.DELIVERY_COUNT]: String(record.deliveryCount),
    [DeadLetterHeaders.FIRST_FAILURE_AT]: record.firstFailureAt.toISOString(),
    [DeadLetterHeaders.LAST_FAILURE_AT]: record.lastFailureAt.toISOString(),
  };
  if (record.errorName) headers[DeadLetterHeaders.ERROR_NAME] = record.errorName;
  if (record.errorMessage) headers[DeadLetterHeaders.ERROR_MESSAGE] = record.errorMessage;
  return headers;
}

/** Name and message of any thrown value, including Nest's erased `{ status, message }` objects. */
export function describeError(error: unknown): { errorName?: string; errorMessage?: string } {
  if (error === undefined || error === null) return {};
  if (error instanceof Error) return { errorName: error.name, errorMessage: truncate(error.message) };
  if (typeof error === 'object') {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return {
      errorName: typeof name === 'string' ? name : 'Error',
      errorMessage: truncate(typeof message === 'string' ? message : safeStringify(error)),
    };
  }
  return { errorName: 'Error', errorMessage: truncate(String(error)) };
}

function truncate(text: string): string {
  return text.length > MAX_ERROR_MESSAGE ? `${text.slice(0, MAX_ERROR_MESSAGE)}…` : text;
}
