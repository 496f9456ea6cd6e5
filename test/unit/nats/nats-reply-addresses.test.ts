import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidOptionError } from '../../../lib/core';
import { ReplyAddressAllowList } from '../../../lib/core/reply-address-allow-list';
import { NATS_REPLY_ADDRESSES } from '../../../lib/nats/nats-reply-addresses';

const allowList = (given?: { prefixes?: string[]; names?: string[] }) => new ReplyAddressAllowList('replyAddresses', given, NATS_REPLY_ADDRESSES);

/** Subjects no option can allow: JetStream's API, system subjects, wildcards, whitespace, control characters, empty tokens, over 255 characters. */
const NEVER = ['$JS.API.STREAM.PURGE.ORDERS', '$JS.API.STREAM.INFO.x', '$SYS.REQ.SERVER.PING', '$KV.b.k', '_INBOX.*', '_INBOX.>', '_INBOX.a.*.b', '_INBOX.a b', '_INBOX.a\tb', '_INBOX.a\nb', '_INBOX.a\u0000', '_INBOX.\u00e9', '_INBOX..a', '_INBOX.a.', '_INBOX.a,_INBOX.b', `_INBOX.${'a'.repeat(249)}`, ''];

describe('NATS reply subjects (replyAddresses)', () => {
  it('default: subjects under _INBOX. (nats.js, NatsAckClient and ClientNats inboxes), nothing else', () => {
    const list = allowList();
    assert.ok(list.accepts('_INBOX.hIOsGOkKyvXqzWZ6Hbm4Wb'));
    assert.ok(list.accepts('_INBOX.abc.1'), 'a muxed request inbox');
    assert.ok(!list.accepts('_INBOX.'), 'the prefix alone');
    assert.ok(!list.accepts('orders.created'));
    assert.ok(!list.accepts('_INBOX_orders.abc'));
  });

  it('never accepts $-subjects, wildcards, whitespace, control characters, empty tokens or more than 255 characters', () => {
    const list = allowList();
    const everything = allowList({ prefixes: ['_INBOX.', '_'], names: ['_INBOX.a_b'] });
    for (const subject of NEVER) {
      assert.ok(!list.accepts(subject), `default refuses ${JSON.stringify(subject)}`);
      assert.ok(!everything.accepts(subject), `a wide option still refuses ${JSON.stringify(subject)}`);
    }
    assert.ok(list.accepts(`_INBOX.${'a'.repeat(248)}`), '255 characters is the limit');
  });

  it('an operator list replaces the default; a $-prefix, wildcard or blank entry fails at construction', () => {
    const list = allowList({ prefixes: ['_INBOX_orders.'], names: ['orders.replies'] });
    assert.ok(list.accepts('_INBOX_orders.abc'));
    assert.ok(list.accepts('orders.replies'));
    assert.ok(!list.accepts('_INBOX.abc'), 'the default is replaced');
    for (const bad of [{ prefixes: ['$JS.'] }, { prefixes: ['$'] }, { prefixes: ['_INBOX.*'] }, { names: ['$JS.API.STREAM.PURGE.X'] }, { names: ['a b'] }, { prefixes: [''] }, { names: ['_INBOX.>'] }]) {
      assert.throws(() => allowList(bad), (error: InvalidOptionError) => error instanceof InvalidOptionError && error.option.startsWith('replyAddresses.'), JSON.stringify(bad));
    }
  });
});
