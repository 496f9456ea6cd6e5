import 'reflect-metadata';
import { join } from 'node:path';
import { TRANSPORTS } from '../transports';
import type { ConformanceAdapter } from './adapter';
import { runConformanceSuite } from './suite';

// The conformance suite on the transports of the manifest (test/transports.ts): a new transport's adapter
// runs here with no test file of its own. scripts/run-tests.mjs gives each broker's lane its transport in
// NESTJS_ACK_TRANSPORTS (a comma-separated list of ids), so the suites run side by side; without it every
// transport runs, one after the other.
const chosen = process.env.NESTJS_ACK_TRANSPORTS?.split(',').filter(Boolean);
// Manifest modules are named from the repository root; this file is <root>/test/conformance/.
const root = join(__dirname, '..', '..');

for (const transport of TRANSPORTS) {
  if (chosen && !chosen.includes(transport.id)) continue;
  const exported = require(join(root, transport.adapter.module))[transport.adapter.export] as ConformanceAdapter | (() => ConformanceAdapter);
  runConformanceSuite(typeof exported === 'function' ? exported() : exported);
}
