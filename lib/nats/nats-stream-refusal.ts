import type { JetStreamManager } from '@nats-io/jetstream';
import { asError, BrokerConfigurationError } from '../core/errors';

/**
 * The server's refusal of a stream we create or extend, in words that say
 * what to change. "subjects overlap with an existing stream" names no stream,
 * so JetStream is asked which stream holds each subject. Other errors come
 * back as they are.
 */
export async function explainStreamRefusal(jsm: JetStreamManager, stream: string, subjects: string[], error: unknown): Promise<unknown> {
  const text = asError(error).message;
  if (/permissions violation|authorization violation/i.test(text)) {
    return new BrokerConfigurationError('NATS', `could not create or update stream "${stream}": ${text}; grant this user publish on $JS.API.STREAM.> (or create the stream beforehand and set ensureStream: false)`, { cause: error });
  }
  if (!/subjects overlap/i.test(text)) return error;
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
