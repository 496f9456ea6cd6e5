import 'reflect-metadata';
export { AckErrorInterceptor } from './ack-error.interceptor';
export { AckExceptionFilter } from './ack-exception.filter';
export { AckModule } from './ack.module';
export { ACK_MODULE_OPTIONS, type AckModuleAsyncOptions, type AckModuleOptions } from './ack-module-options';
