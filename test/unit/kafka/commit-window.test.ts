import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommitWindow } from '../../../lib/kafka/commit-window';

describe('CommitWindow', () => {
  it('allows offsets below the first fetched offset plus its size, then moves with confirmed commits only', () => {
    const window = new CommitWindow(3);
    assert.equal(window.allows(1000), true, 'before the first fetch: nothing known, nothing held');
    window.begin(10);
    window.begin(50); // later batches do not move it
    assert.deepEqual([10, 11, 12, 13].map((o) => window.allows(o)), [true, true, true, false]);
    assert.equal(window.confirm(12), true);
    assert.deepEqual([14, 15].map((o) => window.allows(o)), [true, false]);
    assert.equal(window.confirm(11), false, 'an older confirmation does not move it back');
    assert.equal(window.allows(14), true);
  });
});
