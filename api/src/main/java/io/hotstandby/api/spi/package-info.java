/**
 * Service-provider interfaces the host implements: entry tables ({@link io.hotstandby.api.spi.BackupProvider},
 * B4, B5, B9, G4), configuration modules ({@link io.hotstandby.api.spi.ConfigProvider}, C1-C4), a
 * tie-breaking {@link io.hotstandby.api.spi.Witness} (G3) and acknowledgement notification (B8).
 * Traffic-switch hooks are in {@code io.hotstandby.api.hook}; transports in {@code io.hotstandby.api.transport}.
 */
package io.hotstandby.api.spi;
