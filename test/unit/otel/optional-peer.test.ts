import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runChild } from '../../support/run-child';

describe('@opentelemetry/api is an optional peer', () => {
  it('without it, the core and every transport load and settle; only nestjs-ack/otel needs it', async () => {
    const { code, output } = await runChild(join(__dirname, '../../support/without-otel-child.js'), []);
    assert.equal(code, 0, output);
    const result = JSON.parse(output.trim().split('\n').at(-1)!) as { settlement: string; headers: Record<string, string>[]; otel: string };
    assert.equal(result.settlement, 'ack');
    assert.deepEqual(result.headers, [{}], 'no trace headers without an observer');
    assert.match(result.otel, /Cannot find module '@opentelemetry\/api'/);
  });
});
