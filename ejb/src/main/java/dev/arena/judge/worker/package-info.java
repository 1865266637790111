/**
 * The judge as a service of the application: the engine, catalog, store and queue as beans, and the worker
 * pool that takes jobs from the queue on every instance. Depends on the engine and the submission package;
 * never on transports.
 */
package dev.arena.judge.worker;
