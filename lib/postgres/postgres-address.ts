import type { Pool, PoolConfig } from 'pg';
import { redactUrl } from '../core/redact-url';

/** Where a pool connects, for logs and errors: never its password. */
export function postgresAddress(connection: { config: PoolConfig } | { pool: Pool }): string {
  const config: PoolConfig = 'config' in connection ? connection.config : ((connection.pool as unknown as { options?: PoolConfig }).options ?? {});
  if (config.connectionString) return redactUrl(config.connectionString);
  const host = config.host ?? process.env.PGHOST ?? 'localhost';
  const port = config.port ?? process.env.PGPORT ?? 5432;
  const database = config.database ?? process.env.PGDATABASE ?? '';
  return host.startsWith('/') ? `${host} (socket)` : `postgresql://${host}:${port}/${database}`;
}
