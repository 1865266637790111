/**
 * The judge engine: compiles a submission once, runs it against every hidden test of a problem
 * inside a sandbox and reduces the runs to one verdict.
 *
 * <p>Entry point is {@link dev.arena.judge.Judge}. Sub-packages: {@code problem} (the catalog read
 * from a problem directory), {@code check} (pure output checkers), {@code lang} (one declarative
 * runtime per language), {@code sandbox} (bubblewrap, rlimits and cgroups).
 *
 * <p>Plain Java: this package must not depend on CDI, EJB, JAX-RS, WebSocket or Redis; those
 * adapters wrap the engine from the outside.
 */
package dev.arena.judge;
