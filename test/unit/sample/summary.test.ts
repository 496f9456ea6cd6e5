import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SettlementEvent, Settlement } from '../../../lib';
import { Patterns } from '../../../sample/patterns';
import { disagreements, SettlementTally, UNDECODABLE } from '../../../sample/summary';
import type { BrokerView } from '../../../sample/transport';

const settled = (pattern: string, settlement: Settlement): SettlementEvent => ({ pattern, source: {}, deliveryCount: 1, settlement });

/** Two REJECT_ON_ERROR messages (one acked, one dead-lettered) and one undecodable one, all settled. */
function tally(): SettlementTally {
  const t = new SettlementTally();
  t.expect('REJECT_ON_ERROR', 2);
  t.expect(UNDECODABLE);
  t.record(settled(Patterns.created, { kind: 'ack' }));
  t.record(settled(Patterns.created, { kind: 'reject', reason: 'handler-error' }));
  t.record(settled(Patterns.created, { kind: 'reject', reason: 'deserialization' }));
  return t;
}

const agreeing: BrokerView = {
  lines: [],
  unsettled: 0,
  deadLetters: [
    { pattern: Patterns.created, reason: 'handler-error' },
    { pattern: Patterns.created, reason: 'deserialization' },
  ],
};

describe('the sample summary against the broker', () => {
  it('agrees when the broker shows what the server settled', () => {
    assert.deepEqual(disagreements(tally(), agreeing), []);
  });

  it('names an unsettled message and a missing dead letter', () => {
    const problems = disagreements(tally(), { ...agreeing, unsettled: 1, deadLetters: [agreeing.deadLetters[0]] });
    assert.ok(problems.includes('the broker still holds 1 unsettled message(s)'), problems.join('\n'));
    assert.ok(problems.includes(`${UNDECODABLE}: 1 dead-lettered by the server, 0 in the broker's dead-letter target`), problems.join('\n'));
    // 3 sent - 1 dead letter - 1 unsettled = 1 acked on the broker, as the server counted: no complaint about acks.
    assert.equal(problems.filter((p) => p.includes('acked by the server')).length, 0, problems.join('\n'));
  });

  it('names a policy whose messages were not all settled, and per-policy counts the broker keeps', () => {
    const t = tally();
    t.expect('MANUAL');
    const problems = disagreements(t, { ...agreeing, ackedByPattern: { [Patterns.created]: 2 } });
    assert.ok(problems.includes('MANUAL: 1 sent, but 0 acked + 0 dead-lettered'), problems.join('\n'));
    assert.ok(problems.includes('REJECT_ON_ERROR: 1 acked by the server, the broker shows 2'), problems.join('\n'));
  });
});
