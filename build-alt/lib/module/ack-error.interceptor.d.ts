import { type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { type Observable } from 'rxjs';
/**
 * Records a handler's error on its `AckContext` as it was thrown, before
 * exception filters replace it (Nest's default turns every error into
 * "Internal server error"), so logs and dead letters keep its real name and
 * message; changes nothing about the error.
 *
 * `AckModule` no longer registers it: the module records thrown errors
 * without running anything per message (`recordThrownErrors`), where a global
 * interceptor costs every message Nest's interceptor plumbing (a quarter of a
 * no-op handler's throughput on the in-memory transport). Kept for
 * applications that registered it themselves.
 */
export declare class AckErrorInterceptor implements NestInterceptor {
    intercept(context: ExecutionContext, next: CallHandler): Observable<unknown>;
}
