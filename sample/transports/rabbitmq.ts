import type { SampleTransport } from '../transport'; export async function rabbitTransport(): Promise<SampleTransport> { throw new Error('todo'); }
