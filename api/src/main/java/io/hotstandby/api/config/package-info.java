/**
 * Pair configuration (SPEC A1, A5, A6, A8, A9, B5-B8, C2-C4, D1-D6, E3, G2, G5-G7): a typed builder
 * whose {@code build()} refuses every invalid combination with a {@link io.hotstandby.api.config.ConfigException}
 * naming the field and the rule.
 */
package io.hotstandby.api.config;
