/**
 * The cluster room: what holds across the nodes of a clustered Vert.x (Hazelcast) beyond the event
 * bus itself. {@link io.dash4j.runtime.cluster.ClusterClaims} says which node's socket speaks for a
 * page (renderer id), cluster-wide, and lets a page whose node died be claimed again; {@link
 * io.dash4j.runtime.cluster.AppFingerprint} refuses a node whose app differs from the cluster's.
 * Outside a cluster both cost nothing.
 *
 * <p>It uses Vert.x's public cluster-wide shared data and the event bus, never the cluster
 * manager's or Hazelcast's own API, so any cluster manager serves. It imports neither the doors nor
 * the callback runtime: they call it.
 */
package io.dash4j.runtime.cluster;
