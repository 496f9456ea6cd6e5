import {
  Controller,
  Inject,
  Injectable,
  Module,
  ParseIntPipe,
  UseFilters,
  UseGuards,
  UseInterceptors,
  UsePipes,
  type CallHandler,
  type CanActivate,
  type ExecutionContext,
  type NestInterceptor,
  type PipeTransform,
  type Type,
} from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload, RpcException } from '@nestjs/microservices';
import { mergeMap, throwError, type Observable } from 'rxjs';
import { AckContext, AckMessage, AckPolicy, NackMessage, RejectMessage, type RetryOptions } from '../../lib/core';
import { AckExceptionFilter, AckModule } from '../../lib/module';
import { probeFor } from './probe';

/** Every handler outcome of the matrix. */
export const BEHAVIORS = [
  'completes',
  'throws Error',
  'throws RpcException',
  'throws AckMessage in a service',
  'throws NackMessage in a service',
  'throws RejectMessage in a service',
  'throws Error in a guard',
  'throws RejectMessage in a guard',
  'throws Error in an interceptor',
  'throws NackMessage in an interceptor',
  'throws Error in a pipe',
  'throws AckMessage in a pipe',
  'manual ack then throw',
  'double ack',
  'settles after returning',
] as const;
/** Outcomes outside the matrix, for targeted tests. */
export const EXTRA_BEHAVIORS = [
  'creates AckMessage, then throws Error',
  'catches a thrown NackMessage, then completes',
  'catches a thrown AckMessage, then throws Error',
  'throws a plain object carrying the control key',
  'fails in ParseIntPipe',
  'throws OrderRefused',
] as const;
export type Behavior = (typeof BEHAVIORS)[number] | (typeof EXTRA_BEHAVIORS)[number];

/** Where the exception filter comes from. */
export type FilterSetup = 'global' | 'controller' | 'none';

export interface CellSpec {
  pattern: string;
  kind: 'event' | 'message';
  behavior: Behavior;
  methodPolicy?: AckPolicy;
  controllerPolicy?: AckPolicy;
  retry?: RetryOptions;
  filter?: FilterSetup;
  /** Fails deliveries below this count, then completes (retry tests). */
  failUntilDelivery?: number;
  /** NackMessage delay thrown while failing (retry tests). */
  nackDelayMs?: number;
}

export interface CellData {
  n: number;
}

/** Three levels deep with awaits between, so control exceptions cross async boundaries. */
@Injectable()
export class DeepService {
  async run(fail: () => never): Promise<never> {
    await Promise.resolve();
    return this.level2(fail);
  }

  private async level2(fail: () => never): Promise<never> {
    await new Promise((resolve) => setImmediate(resolve));
    return fail();
  }
}

function recordContext(context: ExecutionContext): void {
  const ack = context.switchToRpc().getContext<AckContext>();
  probeFor(ack.getPattern()).enter(ack);
}

class ErrorGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    recordContext(context);
    throw new Error('guard failed on purpose');
  }
}

class RejectGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    recordContext(context);
    throw new RejectMessage({ reason: 'guard-reject' });
  }
}

class ErrorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext): Observable<unknown> {
    recordContext(context);
    throw new Error('interceptor failed on purpose');
  }
}

/** Fails after the handler ran, inside the observable chain. */
class NackAfterInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(mergeMap(() => throwError(() => new NackMessage())));
  }
}

class ErrorPipe implements PipeTransform {
  transform(): never {
    throw new Error('pipe failed on purpose');
  }
}

/** An error of the application's own that no retry can fix (the classification tests list it in `retry.nonRetryable`). */
export class OrderRefused extends Error {
  override readonly name = 'OrderRefused';
}

class AckPipe implements PipeTransform {
  transform(): never {
    throw new AckMessage();
  }
}

async function runBehavior(cell: CellSpec, data: CellData, context: AckContext, deep: DeepService): Promise<string> {
  const probe = probeFor(cell.pattern);
  probe.enter(context);
  await probe.waitAtGate();
  if (cell.failUntilDelivery !== undefined && context.getDeliveryCount() < cell.failUntilDelivery) {
    if (cell.nackDelayMs !== undefined) throw new NackMessage({ delayMs: cell.nackDelayMs });
    throw new Error(`failing delivery ${context.getDeliveryCount()} on purpose`);
  }
  switch (cell.behavior) {
    case 'throws Error':
      throw new Error('handler failed on purpose');
    case 'throws RpcException':
      throw new RpcException('rpc failure on purpose');
    case 'throws AckMessage in a service':
      return deep.run(() => {
        throw new AckMessage();
      });
    case 'throws NackMessage in a service':
      return deep.run(() => {
        throw new NackMessage();
      });
    case 'throws RejectMessage in a service':
      return deep.run(() => {
        throw new RejectMessage({ reason: 'service-reject' });
      });
    case 'manual ack then throw':
      probe.manualResults.push(await context.ack());
      throw new Error('failed after manual ack on purpose');
    case 'creates AckMessage, then throws Error': {
      const unused = new AckMessage();
      void unused;
      throw new Error('handler failed on purpose');
    }
    case 'catches a thrown NackMessage, then completes':
      try {
        await deep.run(() => {
          throw new NackMessage();
        });
      } catch {
        // handled inside the handler: no command
      }
      return `ok:${data.n}`;
    case 'catches a thrown AckMessage, then throws Error':
      try {
        await deep.run(() => {
          throw new AckMessage();
        });
      } catch {
        // handled inside the handler: no command
      }
      throw new Error('handler failed on purpose');
    case 'throws OrderRefused':
      throw new OrderRefused('the order can never be accepted');
    case 'throws a plain object carrying the control key':
      // What a peer's error reply looks like once deserialized: the key without a control exception behind it.
      throw { status: 'error', message: 'a peer said ack', nestjsAckCommand: { kind: 'ack' } };
    case 'double ack':
      probe.manualResults.push(await context.ack());
      probe.manualResults.push(await context.ack());
      return `ok:${data.n}`;
    default:
      return `ok:${data.n}`;
  }
}

function buildController(cell: CellSpec): Type<unknown> {
  @Controller()
  class CellController {
    constructor(@Inject(DeepService) private readonly deep: DeepService) {}

    handle(@Payload() data: CellData, @Ctx() context: AckContext): Promise<string> {
      return runBehavior(cell, data, context, this.deep);
    }
  }
  const proto = CellController.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'handle')!;
  const method = (decorator: MethodDecorator) => decorator(proto, 'handle', descriptor);
  method((cell.kind === 'event' ? EventPattern<string>(cell.pattern) : MessagePattern<string>(cell.pattern)) as MethodDecorator);
  const enhancer: Partial<Record<Behavior, MethodDecorator>> = {
    'throws Error in a guard': UseGuards(ErrorGuard),
    'throws RejectMessage in a guard': UseGuards(RejectGuard),
    'throws Error in an interceptor': UseInterceptors(ErrorInterceptor),
    'throws NackMessage in an interceptor': UseInterceptors(NackAfterInterceptor),
    'throws Error in a pipe': UsePipes(ErrorPipe),
    'throws AckMessage in a pipe': UsePipes(AckPipe),
    // Nest's own pipe on an object payload: a BadRequestException, as from ValidationPipe.
    'fails in ParseIntPipe': UsePipes(new ParseIntPipe()),
  };
  const extra = enhancer[cell.behavior];
  if (extra) method(extra);
  if (cell.methodPolicy) method(AckPolicy(cell.methodPolicy, { retry: cell.retry }) as MethodDecorator);
  if (cell.controllerPolicy) AckPolicy(cell.controllerPolicy)(CellController);
  if (cell.filter === 'controller') UseFilters(AckExceptionFilter)(CellController);
  Object.defineProperty(CellController, 'name', { value: `Cell_${cell.pattern.replace(/\W/g, '_')}` });
  return CellController;
}

/** A Nest module with one controller per cell, the filter set up as the cells ask. */
export function buildModule(cells: CellSpec[]): Type<unknown> {
  const filter = cells[0]?.filter ?? 'global';
  const imports = filter === 'none' ? [] : [AckModule.forRoot({ globalFilter: filter === 'global' })];
  @Module({ imports, controllers: cells.map(buildController), providers: [DeepService] })
  class ConformanceModule {}
  return ConformanceModule;
}
