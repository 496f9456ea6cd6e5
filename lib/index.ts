// Nest's decorators need the Reflect metadata API before any of them runs.
import 'reflect-metadata';
/** The broker-independent surface: policies, control exceptions, context, module, base server. */
export * from './core';
export * from './module';
