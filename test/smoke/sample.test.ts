import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

// The README's first command runs this sample: it must start without a broker and print each settlement.
describe('the sample app', () => {
  it('runs on the in-memory transport and prints every settlement', { timeout: 30_000 }, async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, '../../sample/main.js')], { timeout: 20_000 });
    const settled = stdout.split('\n').filter((line) => line.startsWith('settled '));
    assert.equal(settled.length, 10, stdout);
    assert.match(stdout, /settled ack +payment\.capture +delivery=3/);
    assert.match(stdout, /settled reject order\.created +delivery=1 reason=fraud-suspected/);
    assert.match(stdout, /queue "orders": ready=0 unacked=0 delayed=0 dead-lettered=4/);
  });
});
