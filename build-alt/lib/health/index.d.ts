/** `nestjs-ack/health`: a `@nestjs/terminus` health indicator for every nestjs-ack server (terminus is an optional peer). */
export { AckHealthIndicator, type AckHealthCheckOptions, type AckHealthDetails, type AckHealthResult, type AckHealthTarget } from './ack-health-indicator';
export type { BrokerHealth } from '../core/broker-health';
