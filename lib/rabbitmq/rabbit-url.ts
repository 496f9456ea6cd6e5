/** Used when no URL is given: the local broker with RabbitMQ's default user. */
export const DEFAULT_RABBIT_URL = 'amqp://guest:guest@127.0.0.1:5672';

/** Checks `urls` (one or several) and returns them as a list. */
export function resolveUrls(urls: string | string[] | undefined, optionName = 'urls'): string[] {
  const list = urls === undefined ? [DEFAULT_RABBIT_URL] : Array.isArray(urls) ? urls : [urls];
  if (list.length === 0) throw new Error(`nestjs-ack: invalid ${optionName}: empty; allowed: an amqp:// or amqps:// URL, or a non-empty array of them`);
  for (const url of list) {
    if (typeof url !== 'string' || !/^amqps?:\/\//i.test(url)) {
      throw new Error(`nestjs-ack: invalid ${optionName} entry ${typeof url === 'string' ? JSON.stringify(redactUrl(url)) : typeof url}; allowed: an amqp:// or amqps:// URL`);
    }
  }
  return list;
}

/** The URL without user and password, safe for logs and errors. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}
