/**
 * Background callbacks: jobs run off the request by a pool of worker verticles, their state in a
 * job store (embedded in Vert.x shared data by default, or Redis), polled by the stock renderer
 * with signed handles bound to the page load that started them.
 *
 * <p>{@link io.dash4j.runtime.jobs.Jobs} starts the room; {@link
 * io.dash4j.runtime.jobs.BackgroundVerticle} and {@link io.dash4j.runtime.jobs.CancelVerticle}
 * serve the door's requests; {@link io.dash4j.runtime.jobs.JobWorkerVerticle} runs jobs; {@link
 * io.dash4j.runtime.jobs.JobStore} is the one interface every store implements. May import the app
 * model, the protocol, {@code exec} (the invoker, error pages, user-code threads), {@code wire} and
 * Vert.x; never the doors.
 */
package io.dash4j.runtime.jobs;
