import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { AckErrorInterceptor } from '../lib';
import { InMemoryAckServer, InMemoryBroker } from '../lib/testing';
import { benchModule, median, settleMeter } from './measure';

/**
 * What importing `AckModule` costs per message, without a broker's noise: the
 * in-memory transport drains the same backlog with a no-op handler, without
 * the module, with it, and with it plus `AckErrorInterceptor` registered
 * globally (what `AckModule` did before its global filter took the
 * interceptor's job). `node build/bench/module-cost.js [messages] [rounds]`
 */
const MESSAGES = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 5);

type Variant = 'ours' | 'ours + AckModule' | 'ours + AckModule + global AckErrorInterceptor (before)';
const VARIANTS: Variant[] = ['ours', 'ours + AckModule', 'ours + AckModule + global AckErrorInterceptor (before)'];

async function drain(variant: Variant): Promise<number> {
  const broker = new InMemoryBroker();
  const body = Buffer.from(JSON.stringify({ pattern: 'bench', data: { i: 1 } }));
  for (let i = 0; i < MESSAGES; i++) broker.publish('bench', body);
  const server = new InMemoryAckServer({ broker, queue: 'bench', concurrency: 50, deadLetter: false });
  const meter = settleMeter(variant, MESSAGES);
  server.on('settled', meter.tick);
  let module = benchModule('bench', () => undefined, { ackPolicy: true, ackModule: variant !== 'ours' });
  if (variant.endsWith('(before)')) {
    class WithInterceptor {}
    Module({ imports: [module], providers: [{ provide: APP_INTERCEPTOR, useClass: AckErrorInterceptor }] })(WithInterceptor);
    module = WithInterceptor;
  }
  const app = await NestFactory.createMicroservice(module, { strategy: server, logger: ['error'] });
  await app.listen();
  const { perSecond } = await meter.result;
  await app.close();
  return perSecond;
}

async function main(): Promise<void> {
  const results = new Map<Variant, number[]>(VARIANTS.map((v) => [v, []]));
  await drain('ours'); // warm-up: JIT
  for (let round = 0; round < ROUNDS; round++) for (const variant of VARIANTS) results.get(variant)!.push(await drain(variant));
  const base = median(results.get('ours')!);
  for (const [variant, rounds] of results) {
    console.log(`${variant.padEnd(56)} median ${Math.round(median(rounds))}/s  ratio to ours ${(median(rounds) / base).toFixed(2)}  rounds ${rounds.join(' ')}`);
  }
  process.exit(0);
}

void main();
