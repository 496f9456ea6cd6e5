import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Pool } from 'pg';
import { InvalidOptionError } from '../../../lib/core';
import { ConnectFailedError } from '../../../lib/core/errors';
import { ReplyAddressAllowList } from '../../../lib/core/reply-address-allow-list';
import { PostgresAckClient, PostgresAckServer, PostgresSql } from '../../../lib/postgres';
import { explainConnectError } from '../../../lib/postgres/postgres-connect-error';
import { POSTGRES_REPLY_CHANNELS, newReplyChannel, replyChannelPrefix } from '../../../lib/postgres/postgres-reply-channels';
import { resolveConnectionSettings } from '../../../lib/postgres/postgres-settings';

const refusedWith = (option: string) => (error: unknown) => error instanceof InvalidOptionError && error.option === option && error.code === 'ACK_INVALID_OPTION';

describe('PostgreSQL reply channels', () => {
  const defaults = new ReplyAddressAllowList('replyAddresses', undefined, POSTGRES_REPLY_CHANNELS);

  it('accepts exactly the channels the client makes by default', () => {
    assert.ok(defaults.accepts(newReplyChannel(replyChannelPrefix(undefined))));
    assert.match(newReplyChannel('nestjs_ack_reply_'), /^nestjs_ack_reply_[0-9a-f]{16}$/);
    for (const refused of [
      'other_channel',
      'nestjs_ack_reply_', // the prefix alone
      `nestjs_ack_reply_${'a'.repeat(47)}`, // 64 bytes: longer than a channel name may be
      'nestjs_ack_reply_ABC',
      'nestjs_ack_reply_a b',
      'nestjs_ack_reply_a"; NOTIFY x; --',
      'nestjs_ack_reply_é',
      'nestjs_ack_messages_wake',
    ]) {
      assert.equal(defaults.accepts(refused), false, JSON.stringify(refused));
    }
    assert.ok(defaults.accepts(`nestjs_ack_reply_${'a'.repeat(46)}`), '63 bytes is the limit');
  });

  it('replyAddresses replaces the defaults and is checked at construction', () => {
    const server = new PostgresAckServer({ replyAddresses: { prefixes: ['billing_'], names: ['audit_replies'] } });
    assert.ok(server);
    const list = new ReplyAddressAllowList('replyAddresses', { prefixes: ['billing_'], names: ['audit_replies'] }, POSTGRES_REPLY_CHANNELS);
    assert.ok(list.accepts('billing_1') && list.accepts('audit_replies'));
    assert.equal(list.accepts('nestjs_ack_reply_0123456789abcdef'), false);
    const cases: Array<[unknown, string]> = [
      [{ prefixes: ['Billing_'] }, 'replyAddresses.prefixes'],
      [{ prefixes: [''] }, 'replyAddresses.prefixes'],
      [{ names: ['a b'] }, 'replyAddresses.names'],
      [{ names: ['x'.repeat(64)] }, 'replyAddresses.names'],
      [['billing_'], 'replyAddresses'],
    ];
    for (const [replyAddresses, option] of cases) {
      assert.throws(() => new PostgresAckServer({ replyAddresses } as never), refusedWith(option), JSON.stringify(replyAddresses));
    }
  });

  it('the client\'s replyChannelPrefix leaves room for the random part and is a channel name', () => {
    assert.equal(replyChannelPrefix('billing_replies_'), 'billing_replies_');
    assert.equal(replyChannelPrefix('p'.repeat(47)), 'p'.repeat(47));
    for (const prefix of ['', 'p'.repeat(48), 'Billing_', '1x_', 'a-b', 42]) {
      assert.throws(() => new PostgresAckClient({ replyChannelPrefix: prefix as string }), refusedWith('replyChannelPrefix'), JSON.stringify(prefix));
    }
  });

  it('a client takes a notified reply only if it was filed for its own channel', () => {
    assert.match(new PostgresSql({ schema: 'public', table: 't' }).takeReply, /WHERE id = \$1 AND reply_to = \$2/);
  });
});

describe('PostgreSQL ssl option', () => {
  it('is handed to pg with a connection string or a pool config', () => {
    const ca = '-----BEGIN CERTIFICATE-----';
    assert.deepEqual(resolveConnectionSettings({ connection: 'postgres://db/app', ssl: { ca } }).connection, { config: { connectionString: 'postgres://db/app', connectionTimeoutMillis: 5000, ssl: { ca } } });
    assert.deepEqual(resolveConnectionSettings({ connection: { host: 'db' }, ssl: true }).connection, { config: { host: 'db', connectionTimeoutMillis: 5000, ssl: true } });
    assert.deepEqual(resolveConnectionSettings({ connection: 'postgres://db/app?sslmode=verify-full' }).connection, { config: { connectionString: 'postgres://db/app?sslmode=verify-full', connectionTimeoutMillis: 5000 } });
  });

  it('is refused where pg would drop it or it cannot apply, without echoing keys or URLs', () => {
    const cases: Array<[object, RegExp]> = [
      [{ connection: 'postgres://u:pw@db/app?sslmode=require', ssl: { ca: 'x' } }, /either the ssl option or TLS parameters/],
      [{ connection: 'postgres://u:pw@db/app?sslrootcert=/ca.pem', ssl: true }, /either the ssl option or TLS parameters/],
      [{ connection: { host: 'db', ssl: true }, ssl: { ca: 'x' } }, /not both/],
      [{ connection: new Pool(), ssl: true }, /your own pool/],
      [{ connection: 'postgres://db/app', ssl: 'verify-full' }, /true, false, or TLS options/],
      [{ connection: 'postgres://db/app', ssl: null }, /true, false, or TLS options/],
    ];
    for (const [options, message] of cases) {
      assert.throws(() => new PostgresAckServer(options as never), (error: unknown) => refusedWith('ssl')(error) && message.test((error as Error).message) && !(error as Error).message.includes('pw'), message.source);
    }
    assert.throws(() => new PostgresAckClient({ connection: 'postgres://db/app?sslmode=require', ssl: true }), refusedWith('ssl'));
    assert.throws(() => resolveConnectionSettings({ ssl: { key: 'PRIVATE KEY' } as never, connection: { ssl: false } }), (error: unknown) => !(error as Error).message.includes('PRIVATE KEY'));
  });

  it('a refused server certificate becomes an error that says TLS and where the CA goes; other errors pass as they are', () => {
    const tls = Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' });
    const explained = explainConnectError(tls) as Error;
    assert.ok(explained instanceof ConnectFailedError && explained.code === 'ACK_CONNECT_FAILED', 'a ConnectFailedError');
    assert.match(explained.message, /^nestjs-ack: PostgreSQL TLS: the server's certificate was refused \(SELF_SIGNED_CERT_IN_CHAIN: self-signed certificate in certificate chain\); give the CA/);
    assert.equal(explained.cause, tls);
    const other = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    assert.equal(explainConnectError(other), other);
  });

});

describe('PostgreSQL message size', () => {
  it('the claim measures every producer column in the database and leaves oversized rows unloaded', () => {
    const { claim } = new PostgresSql({ schema: 'public', table: 't' });
    for (const column of ['body', 'headers::text', 'pattern', 'reply_to', 'correlation_id']) assert.ok(claim.includes(`octet_length(${column})`), column);
    assert.match(claim, /size <= \$4::bigint AS fits/);
    assert.match(claim, /CASE WHEN p\.fits THEN m\.body END AS body/);
  });
});
