package io.hotstandby.testkit.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The seed of the {@link io.hotstandby.testkit.sim.PairSimulation} that {@link HotStandbyExtension}
 * injects, on a test method or class (the method wins). Without it the seed is 1.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Seed
{
    /** @return the seed. */
    long value();
}
