package io.hotstandby.impl.group;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultGroupDirectoryTest
{
    @Test
    void instancesSpreadByWeightAndOnlyTheFailedLocationsInstancesMove()
    {
        final DefaultGroupDirectory d = new DefaultGroupDirectory();
        final AtomicBoolean slot1 = new AtomicBoolean(true);
        d.addLocation(1, slot1::get);
        d.addLocation(2, () -> true);
        d.bindLocation("nat-group", 1, 75);
        d.bindLocation("nat-group", 2, 25);
        final Map<String, Integer> before = new HashMap<>();
        int onOne = 0;
        for (int i = 0; i < 4000; i++)
        {
            final String name = "ds-lite-" + i;
            d.bindInstance(name, "nat-group");
            final int loc = d.servingLocation(name).orElseThrow();
            before.put(name, loc);
            onOne += loc == 1 ? 1 : 0;
        }
        assertTrue(onOne > 2800 && onOne < 3200, "75% weight should serve about 3000 of 4000, got " + onOne);

        slot1.set(false);
        for (final Map.Entry<String, Integer> e : before.entrySet())
        {
            assertEquals(2, d.servingLocation(e.getKey()).orElseThrow(), "every instance moves to the healthy location");
        }
        slot1.set(true);
        for (final Map.Entry<String, Integer> e : before.entrySet())
        {
            assertEquals(e.getValue(), d.servingLocation(e.getKey()).orElseThrow(), "assignment is stable");
        }
    }

    @Test
    void unboundOrAllUnhealthyInstancesHaveNoServingLocation()
    {
        final DefaultGroupDirectory d = new DefaultGroupDirectory();
        d.addLocation(5, () -> false);
        d.bindLocation("g", 5, 10);
        d.bindInstance("i", "g");
        assertEquals(Optional.empty(), d.servingLocation("i"));
        assertEquals(Optional.empty(), d.servingLocation("nobody"));
    }

    @Test
    void bindingsAreValidated()
    {
        final DefaultGroupDirectory d = new DefaultGroupDirectory();
        d.addLocation(1, () -> true);
        assertThrows(IllegalArgumentException.class, () -> d.addLocation(1, () -> true));
        assertThrows(IllegalArgumentException.class, () -> d.bindLocation("g", 9, 10));
        assertThrows(IllegalArgumentException.class, () -> d.bindLocation("g", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> d.bindInstance("i", "missing"));
        d.bindLocation("g", 1, 10);
        d.bindInstance("i", "g");
        d.bindInstance("i", "g");
        assertNotEquals(Optional.empty(), d.servingLocation("i"));
        assertEquals(java.util.List.of(1), d.locationGroups());
    }
}
