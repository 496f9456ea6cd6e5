import { Module } from '@nestjs/common';
import { AckModule } from '../lib';
import { FlakyGateway, FraudCheck, OrdersController } from './orders.controller';

@Module({
  imports: [AckModule.forRoot()],
  controllers: [OrdersController],
  providers: [FraudCheck, FlakyGateway],
})
export class AppModule {}
