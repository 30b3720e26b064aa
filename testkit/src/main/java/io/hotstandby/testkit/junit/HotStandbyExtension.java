package io.hotstandby.testkit.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import io.hotstandby.testkit.ManualClock;
import io.hotstandby.testkit.sim.PairSimulation;

/**
 * JUnit 5 extension for host tests (SPEC F5, G8): {@code @ExtendWith(HotStandbyExtension.class)} injects a
 * {@link ManualClock} and/or a {@link PairSimulation} (not started; seeded by {@link Seed}) into test
 * methods, closes them after each test, and adds the seed to the message of a failing test so the run
 * replays exactly.
 *
 * <pre>{@code
 * @ExtendWith(HotStandbyExtension.class)
 * class MyAdapterTest {
 *     @Test @Seed(42)
 *     void failsOver(PairSimulation sim) {
 *         sim.start();
 *         HotStandbyAssertions.assertEventuallyConverged(sim, Duration.ofSeconds(1));
 *     }
 * }
 * }</pre>
 *
 * <p>Threading: JUnit's; each test gets its own instances.
 */
public final class HotStandbyExtension implements ParameterResolver, TestExecutionExceptionHandler
{
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HotStandbyExtension.class);

    @Override
    public boolean supportsParameter(final ParameterContext parameter, final ExtensionContext context)
    {
        final Class<?> type = parameter.getParameter().getType();
        return type == ManualClock.class || type == PairSimulation.class;
    }

    @Override
    public Object resolveParameter(final ParameterContext parameter, final ExtensionContext context)
    {
        final Class<?> type = parameter.getParameter().getType();
        final ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (type == ManualClock.class)
        {
            return store.getOrComputeIfAbsent(ManualClock.class, k -> new ManualClock(), ManualClock.class);
        }
        if (type == PairSimulation.class)
        {
            final long seed = seed(context);
            return store.getOrComputeIfAbsent(PairSimulation.class, k -> new ClosingSimulation(
                PairSimulation.builder(seed).build()), ClosingSimulation.class).simulation;
        }
        throw new ParameterResolutionException("unsupported parameter type " + type);
    }

    @Override
    public void handleTestExecutionException(final ExtensionContext context, final Throwable throwable)
        throws Throwable
    {
        final ClosingSimulation sim = context.getStore(NAMESPACE).get(PairSimulation.class, ClosingSimulation.class);
        if (sim == null)
        {
            throw throwable;
        }
        final AssertionError withSeed = new AssertionError("[seed " + sim.simulation.seed() + "] " +
            throwable.getMessage(), throwable);
        throw withSeed;
    }

    /**
     * @param context the test's context.
     * @return the seed of its {@link Seed} annotation (method, then class), or 1.
     */
    static long seed(final ExtensionContext context)
    {
        return find(context.getTestMethod().map(m -> (AnnotatedElement)m))
            .or(() -> find(context.getTestClass().map(c -> (AnnotatedElement)c)))
            .orElse(1L);
    }

    private static Optional<Long> find(final Optional<AnnotatedElement> element)
    {
        return element.map(e -> e.getAnnotation(Seed.class)).map(Seed::value);
    }

    /** Closes the simulation when JUnit closes the test's store. */
    private static final class ClosingSimulation implements ExtensionContext.Store.CloseableResource
    {
        private final PairSimulation simulation;

        private ClosingSimulation(final PairSimulation simulation)
        {
            this.simulation = simulation;
        }

        @Override
        public void close()
        {
            simulation.close();
        }
    }
}
