package io.hotstandby.api.group;

import java.util.List;
import java.util.Optional;

/**
 * Several backup groups in one device (SPEC E1, E2), as on the NE40E's service-ha: each
 * <em>location group</em> pairs a board slot with its backup slot and is one
 * {@link io.hotstandby.api.HotStandbyNode} (its own roles, channels and entries); an
 * <em>instance group</em> binds several location groups with weights; a service instance (a DS-Lite
 * or NAT instance) binds to exactly one instance group. The host asks which location group, and so
 * which board, serves an instance.
 *
 * <p>Threading: all methods are thread-safe; lookups do not allocate once bindings are made.
 */
public interface GroupDirectory
{
    /**
     * @param instanceGroup   the instance-group name.
     * @param locationGroupId a location group (the {@code groupId} of a node's configuration).
     * @param weight          relative share of instances, 1..100.
     * @throws IllegalArgumentException on an unknown location group or a weight out of range.
     */
    void bindLocation(String instanceGroup, int locationGroupId, int weight);

    /**
     * @param serviceInstance the service instance name.
     * @param instanceGroup   the instance group it binds to; a second binding replaces the first.
     * @throws IllegalArgumentException on an unknown instance group.
     */
    void bindInstance(String serviceInstance, String instanceGroup);

    /**
     * @param serviceInstance a service instance.
     * @return the location group that serves it now (its active member is on this device or the peer),
     * or empty when the instance is unbound or no location group of its instance group is healthy.
     */
    Optional<Integer> servingLocation(String serviceInstance);

    /** @return the location-group ids known to the directory. */
    List<Integer> locationGroups();
}
