import type { SampleTransport } from '../transport'; export async function postgresTransport(): Promise<SampleTransport> { throw new Error('todo'); }
