import { credentials } from 'amqplib';
import { InvalidOptionError } from '../core/errors';
import type { RabbitSecurityOptions, RabbitTlsOptions } from './rabbit-ack-server-options';

/** What amqplib's `connect()` takes beside the URL: Node's TLS options and the SASL mechanism. */
export interface RabbitSocketOptions {
  ca?: string | Buffer | Array<string | Buffer>;
  cert?: string | Buffer;
  key?: string | Buffer;
  passphrase?: string;
  servername?: string;
  credentials?: ReturnType<typeof credentials.external>;
}

/** `RabbitSecurityOptions` checked and turned into amqplib socket options. */
export interface ResolvedSecurity {
  auth: 'plain' | 'external';
  socketOptions: RabbitSocketOptions;
}

const PEM = 'a PEM string or Buffer';

/** Checks `tls` and `auth` against the URLs; errors name the option and never echo key material. */
export function resolveSecurity(options: RabbitSecurityOptions, urls: readonly string[]): ResolvedSecurity {
  const auth = options.auth ?? 'plain';
  if (auth !== 'plain' && auth !== 'external') throw new InvalidOptionError('auth', auth, "'plain', 'external'");
  const tls = options.tls;
  if (tls !== undefined && (typeof tls !== 'object' || tls === null || Array.isArray(tls))) {
    throw new InvalidOptionError('tls', typeof tls, '{ ca?, cert?, key?, passphrase?, servername? }');
  }
  const socketOptions: RabbitSocketOptions = tls ? checkedTls(tls) : {};
  if (tls || auth === 'external') {
    const plain = urls.find((url) => !/^amqps:\/\//i.test(url));
    if (plain !== undefined) throw new InvalidOptionError(tls ? 'urls entry (with tls)' : "urls entry (with auth: 'external')", 'amqp://...', 'amqps:// URLs only: TLS settings and EXTERNAL auth need a TLS connection');
  }
  if (auth === 'external') {
    if (!socketOptions.cert || !socketOptions.key) throw new InvalidOptionError("tls.cert and tls.key (with auth: 'external')", 'missing', 'the client certificate and key the broker takes the user from');
    socketOptions.credentials = credentials.external();
  }
  return { auth, socketOptions };
}

/**
 * The user a URL authenticates as, read the way amqplib reads it: `guest`
 * when the URL has neither user nor password, else its (unescaped) user.
 */
export function userOfUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'guest'; // amqplib falls back to guest/guest for what it cannot parse
  }
  if (parsed.username === '' && parsed.password === '') return 'guest';
  return parsed.username ? unescape(parsed.username) : '';
}

function checkedTls(tls: RabbitTlsOptions): RabbitSocketOptions {
  const known = ['ca', 'cert', 'key', 'passphrase', 'servername'];
  const unknown = Object.keys(tls).filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new InvalidOptionError(`tls.${unknown[0]}`, 'given', `one of ${known.join(', ')} (other TLS settings are not passed on)`);
  const result: RabbitSocketOptions = {};
  if (tls.ca !== undefined) {
    const list = Array.isArray(tls.ca) ? tls.ca : [tls.ca];
    if (list.length === 0 || !list.every(isPem)) throw new InvalidOptionError('tls.ca', describe(tls.ca), `${PEM}, or a non-empty array of them`);
    result.ca = tls.ca;
  }
  for (const name of ['cert', 'key'] as const) {
    const value = tls[name];
    if (value === undefined) continue;
    if (!isPem(value)) throw new InvalidOptionError(`tls.${name}`, describe(value), PEM);
    result[name] = value;
  }
  if ((result.cert === undefined) !== (result.key === undefined)) throw new InvalidOptionError(result.cert ? 'tls.key' : 'tls.cert', 'missing', 'tls.cert and tls.key together');
  if (tls.passphrase !== undefined) {
    if (typeof tls.passphrase !== 'string') throw new InvalidOptionError('tls.passphrase', typeof tls.passphrase, 'a string');
    result.passphrase = tls.passphrase;
  }
  if (tls.servername !== undefined) {
    if (typeof tls.servername !== 'string' || !/^[A-Za-z0-9.-]{1,253}$/.test(tls.servername)) throw new InvalidOptionError('tls.servername', typeof tls.servername, 'a host name');
    result.servername = tls.servername;
  }
  return result;
}

function isPem(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || (Buffer.isBuffer(value) && value.length > 0);
}

/** What a wrong TLS value was, without its content (it may be a key). */
function describe(value: unknown): string {
  return Array.isArray(value) ? 'an array' : Buffer.isBuffer(value) ? 'an empty Buffer' : typeof value === 'string' ? 'an empty string' : typeof value;
}
