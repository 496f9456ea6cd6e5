import 'reflect-metadata';
import { Injectable, Module, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import type { Observable } from 'rxjs';
import { AckErrorInterceptor } from '../lib';
import { InMemoryAckServer, InMemoryBroker } from '../lib/testing';
import { benchModule, median, settleMeter } from './measure';

/**
 * What importing `AckModule` costs per message, without a broker's noise: the
 * in-memory transport drains the same backlog with a no-op handler, without
 * the module, with it, with it plus `AckErrorInterceptor` registered globally
 * (what `AckModule` did before), and with a global interceptor that does
 * nothing (the floor of any interceptor-based design: Nest's own interceptor
 * plumbing). Besides messages per second it reports CPU microseconds per
 * message (`process.cpuUsage`), which other processes on a loaded machine
 * disturb far less than wall time.
 * `node build/bench/module-cost.js [messages] [rounds]`
 */
const MESSAGES = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 5);

type Variant = 'ours' | 'ours + AckModule' | 'ours + AckModule + global AckErrorInterceptor' | 'ours + a global no-op interceptor';
const VARIANTS: Variant[] = ['ours', 'ours + AckModule', 'ours + AckModule + global AckErrorInterceptor', 'ours + a global no-op interceptor'];

@Injectable()
class NoopInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle();
  }
}

interface Measured {
  perSecond: number;
  cpuMicrosPerMessage: number;
}

async function drain(variant: Variant): Promise<Measured> {
  const broker = new InMemoryBroker();
  const body = Buffer.from(JSON.stringify({ pattern: 'bench', data: { i: 1 } }));
  for (let i = 0; i < MESSAGES; i++) broker.publish('bench', body);
  const server = new InMemoryAckServer({ broker, queue: 'bench', concurrency: 50, deadLetter: false });
  const meter = settleMeter(variant, MESSAGES);
  let cpuAtFirst: NodeJS.CpuUsage | undefined;
  server.on('settled', () => {
    cpuAtFirst ??= process.cpuUsage();
    meter.tick();
  });
  let module = benchModule('bench', () => undefined, { ackPolicy: true, ackModule: variant.includes('AckModule') });
  const interceptor = variant.endsWith('AckErrorInterceptor') ? AckErrorInterceptor : variant.endsWith('no-op interceptor') ? NoopInterceptor : undefined;
  if (interceptor) {
    class WithInterceptor {}
    Module({ imports: [module], providers: [{ provide: APP_INTERCEPTOR, useClass: interceptor }] })(WithInterceptor);
    module = WithInterceptor;
  }
  const app = await NestFactory.createMicroservice(module, { strategy: server, logger: ['error'] });
  await app.listen();
  const { perSecond } = await meter.result;
  const cpu = process.cpuUsage(cpuAtFirst);
  await app.close();
  return { perSecond, cpuMicrosPerMessage: (cpu.user + cpu.system) / (MESSAGES - 1) };
}

async function main(): Promise<void> {
  const results = new Map<Variant, Measured[]>(VARIANTS.map((v) => [v, []]));
  await drain('ours'); // warm-up: JIT
  for (let round = 0; round < ROUNDS; round++) for (const variant of VARIANTS) results.get(variant)!.push(await drain(variant));
  const baseRate = median(results.get('ours')!.map((r) => r.perSecond));
  const baseCpu = median(results.get('ours')!.map((r) => r.cpuMicrosPerMessage));
  for (const [variant, rounds] of results) {
    const rate = median(rounds.map((r) => r.perSecond));
    const cpu = median(rounds.map((r) => r.cpuMicrosPerMessage));
    console.log(
      `${variant.padEnd(48)} ${String(Math.round(rate)).padStart(6)}/s (${(rate / baseRate).toFixed(2)} of ours)  ` +
        `${cpu.toFixed(1).padStart(5)} µs CPU/msg (${(baseCpu / cpu).toFixed(2)} of ours' speed)  rounds/s ${rounds.map((r) => r.perSecond).join(' ')}`,
    );
  }
  process.exit(0);
}

void main();
