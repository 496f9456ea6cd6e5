import { InvalidOptionError } from '../core/errors';
import { redactUrl } from '../core/redact-url';

/** Used when no URL is given: the local broker with RabbitMQ's default user. */
export const DEFAULT_RABBIT_URL = 'amqp://guest:guest@127.0.0.1:5672';

/** Checks `urls` (one or several) and returns them as a list. */
export function resolveUrls(urls: string | string[] | undefined, optionName = 'urls'): string[] {
  const list = urls === undefined ? [DEFAULT_RABBIT_URL] : Array.isArray(urls) ? urls : [urls];
  const allowed = 'an amqp:// or amqps:// URL, or a non-empty array of them';
  if (list.length === 0) throw new InvalidOptionError(optionName, [], allowed);
  for (const url of list) {
    if (typeof url !== 'string' || !/^amqps?:\/\//i.test(url)) {
      throw new InvalidOptionError(`${optionName} entry`, typeof url === 'string' ? redactUrl(url) : typeof url, allowed);
    }
  }
  return list;
}

