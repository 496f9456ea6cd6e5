import type { SampleTransport } from '../transport'; export async function redisTransport(): Promise<SampleTransport> { throw new Error('todo'); }
