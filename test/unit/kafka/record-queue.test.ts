import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecordQueue } from '../../../lib/kafka/record-queue';

describe('RecordQueue', () => {
  it('takes in insertion order across compactions', () => {
    const queue = new RecordQueue<number>();
    for (let i = 0; i < 5000; i++) queue.push(i);
    const taken: number[] = [];
    for (let i = 0; i < 3000; i++) taken.push(queue.take()!);
    for (let i = 5000; i < 6000; i++) queue.push(i);
    assert.equal(queue.length, 3000);
    while (queue.length > 0) taken.push(queue.take()!);
    assert.deepEqual(taken, Array.from({ length: 6000 }, (_, i) => i));
    assert.equal(queue.take(), undefined);
  });

  it('empties on clear', () => {
    const queue = new RecordQueue<string>();
    queue.push('a');
    queue.clear();
    assert.equal(queue.length, 0);
    assert.equal(queue.take(), undefined);
  });
});
