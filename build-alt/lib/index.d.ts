import 'reflect-metadata';
/** The broker-independent surface: policies, control exceptions, context, module, base server. */
export * from './core';
export * from './module';
