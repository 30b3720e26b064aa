package io.hotstandby.impl.group;

import io.hotstandby.api.group.GroupDirectory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Default {@link GroupDirectory} (SPEC E1, E2). Location groups are registered with a health source
 * (typically "this location group's pair has an active member that is ready"); an instance is served by
 * the healthy location group of its instance group chosen by weighted rendezvous hashing of the
 * instance name, so assignments are stable, spread by weight, and only the instances of a failed
 * location move.
 *
 * <p>Threading: registration and bindings from any thread (setup or management plane); lookups from
 * any thread, lock-free.
 */
public final class DefaultGroupDirectory implements GroupDirectory
{
    private final Map<Integer, BooleanSupplier> locations = new ConcurrentHashMap<>();
    private final Map<String, List<Member>> instanceGroups = new ConcurrentHashMap<>();
    private final Map<String, String> instances = new ConcurrentHashMap<>();

    private record Member(int locationGroupId, int weight)
    {
    }

    /**
     * Registers a location group (E1): one backup group pairing a board with its backup board.
     *
     * @param locationGroupId the {@code groupId} of that pair's configuration.
     * @param healthy         true while the location group can serve (e.g. its node's role is active
     *                        or its peer's is); called on lookups, must be cheap and thread-safe.
     * @throws IllegalArgumentException when the id is already registered.
     */
    public void addLocation(final int locationGroupId, final BooleanSupplier healthy)
    {
        if (locations.putIfAbsent(locationGroupId, healthy) != null)
        {
            throw new IllegalArgumentException("location group " + locationGroupId + " is already registered");
        }
    }

    @Override
    public void bindLocation(final String instanceGroup, final int locationGroupId, final int weight)
    {
        if (!locations.containsKey(locationGroupId))
        {
            throw new IllegalArgumentException("unknown location group " + locationGroupId);
        }
        if (weight < 1 || weight > 100)
        {
            throw new IllegalArgumentException("weight must be in 1..100 (was " + weight + ")");
        }
        final List<Member> members = instanceGroups.computeIfAbsent(instanceGroup, k -> new CopyOnWriteArrayList<>());
        members.removeIf(m -> m.locationGroupId == locationGroupId);
        members.add(new Member(locationGroupId, weight));
    }

    @Override
    public void bindInstance(final String serviceInstance, final String instanceGroup)
    {
        if (!instanceGroups.containsKey(instanceGroup))
        {
            throw new IllegalArgumentException("unknown instance group " + instanceGroup);
        }
        instances.put(serviceInstance, instanceGroup);
    }

    @Override
    public Optional<Integer> servingLocation(final String serviceInstance)
    {
        final String group = instances.get(serviceInstance);
        if (group == null)
        {
            return Optional.empty();
        }
        final long instanceHash = hash(serviceInstance);
        Member best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (final Member m : instanceGroups.get(group))
        {
            if (!locations.get(m.locationGroupId).getAsBoolean())
            {
                continue;
            }
            final double score = score(instanceHash, m);
            if (score > bestScore)
            {
                bestScore = score;
                best = m;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.locationGroupId);
    }

    @Override
    public List<Integer> locationGroups()
    {
        final List<Integer> ids = new ArrayList<>(locations.keySet());
        ids.sort(null);
        return ids;
    }

    /** Weighted rendezvous score: -w / ln(u), u uniform in (0,1) from the pair's hash. */
    private static double score(final long instanceHash, final Member m)
    {
        final long h = mix(instanceHash ^ (m.locationGroupId * 0x9E3779B97F4A7C15L));
        final double u = ((h >>> 11) + 0.5) / (double)(1L << 53);
        return -m.weight / Math.log(u);
    }

    private static long hash(final String s)
    {
        long h = 0xcbf29ce484222325L;
        for (final byte b : s.getBytes(StandardCharsets.UTF_8))
        {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }

    private static long mix(final long z0)
    {
        long z = z0;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
