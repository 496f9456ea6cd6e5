import type { SampleTransport } from '../transport'; export async function kafkaTransport(): Promise<SampleTransport> { throw new Error('todo'); }
