/**
 * The queue of submissions waiting to be judged: at-least-once delivery to workers on any instance, with a
 * visibility timeout after which a job taken by a dead worker is taken again. Knows nothing of judging.
 */
package dev.arena.judge.queue;
