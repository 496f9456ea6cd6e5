import type { SampleTransport } from '../transport'; export async function natsTransport(): Promise<SampleTransport> { throw new Error('todo'); }
