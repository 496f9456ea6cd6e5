import type { PoolConfig } from 'pg';
import { InvalidOptionError } from '../core/errors';
import type { PostgresTlsOptions } from './postgres-ack-server-options';

/** Query parameters by which a connection string configures TLS itself (pg reads them and they replace a config's `ssl`). */
const URL_TLS = /[?&](ssl|sslmode|sslrootcert|sslcert|sslkey|uselibpqcompat)=/i;

/**
 * `config` with the `ssl` option applied. TLS is configured in one place
 * only: pg lets a URL's `sslmode` silently replace a config's `ssl` (a CA
 * given here would be dropped), so both together fail at start.
 */
export function withTls(config: PoolConfig, ssl: unknown): PoolConfig {
  if (ssl === undefined) return config;
  if (typeof ssl !== 'boolean' && (typeof ssl !== 'object' || ssl === null || Array.isArray(ssl))) {
    // Never the value itself: it may hold a private key.
    throw new InvalidOptionError('ssl', typeof ssl, 'true, false, or TLS options ({ ca, cert, key, servername, rejectUnauthorized, ... })');
  }
  if (config.ssl !== undefined) throw new InvalidOptionError('ssl', 'given twice', 'either the ssl option or ssl in the connection config, not both');
  if (typeof config.connectionString === 'string' && URL_TLS.test(config.connectionString)) {
    throw new InvalidOptionError('ssl', 'given with sslmode', 'either the ssl option or TLS parameters (sslmode, sslrootcert, sslcert, sslkey) in the connection URL, not both');
  }
  return { ...config, ssl: ssl as PostgresTlsOptions };
}
