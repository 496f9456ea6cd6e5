import { JetStreamApiError, type JetStreamManager } from '@nats-io/jetstream';
import { PermissionViolationError } from '@nats-io/transport-node';
import { asError, BrokerConfigurationError } from '../core/errors';

/** JetStream's `JSStreamSubjectOverlapErr`: another stream captures some of the subjects. */
const SUBJECTS_OVERLAP = 10065;

/**
 * The server's refusal of a stream we create or extend, in words that say
 * what to change. "subjects overlap with an existing stream" names no stream,
 * so JetStream is asked which stream holds each subject. Other errors come
 * back as they are.
 */
export async function explainStreamRefusal(jsm: JetStreamManager, stream: string, subjects: string[], error: unknown): Promise<unknown> {
  if (permissionViolation(error)) {
    return new BrokerConfigurationError('NATS', `could not create or update stream "${stream}": ${asError(error).message}; grant this user publish on $JS.API.STREAM.> (or create the stream beforehand and set ensureStream: false)`, { cause: error });
  }
  if (!(error instanceof JetStreamApiError && error.code === SUBJECTS_OVERLAP)) return error;
  const holders: string[] = [];
  for (const subject of subjects) {
    const holder = await jsm.streams.find(subject).catch(() => undefined);
    if (holder && holder !== stream) holders.push(`"${subject}" is held by stream "${holder}"`);
  }
  const who = holders.length > 0 ? holders.join(', ') : 'another stream holds some of them (JetStream did not say which)';
  return new BrokerConfigurationError(
    'NATS',
    `stream "${stream}" cannot take the subjects ${subjects.map((s) => `"${s}"`).join(', ')}: ${who}; consume that stream instead (option stream), remove the subjects from it, or choose other subjects`,
    { cause: error },
  );
}

/** nats.js rejects a request the server refused to route with a `RequestError` whose cause is the `PermissionViolationError`. */
function permissionViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    if (current instanceof PermissionViolationError) return true;
  }
  return false;
}
