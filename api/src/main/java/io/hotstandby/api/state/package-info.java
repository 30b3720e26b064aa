/**
 * States, roles, channels and reasons of a member (SPEC A4-A7, A11). Epochs (G3) are plain
 * {@code long}s: every election raises the epoch; it travels on every frame, and a frame with an
 * epoch lower than the receiver's is rejected.
 */
package io.hotstandby.api.state;
