/**
 * Traffic-switch hooks the host supplies (SPEC D1-D7) and the ordered takeover pipeline (G1):
 * {@link io.hotstandby.api.hook.TakeoverStep#COMMIT_ENTRIES}, then
 * {@link io.hotstandby.api.hook.TakeoverStep#PROGRAM_FORWARDING}, then
 * {@link io.hotstandby.api.hook.TakeoverStep#ANNOUNCE}, each step acknowledged through a
 * {@link io.hotstandby.api.hook.HookCompletion} with a timeout. Inputs the other way (track entries,
 * monitored interfaces, health) are methods of {@link io.hotstandby.api.HotStandbyNode}: the host
 * detects, the library decides.
 */
package io.hotstandby.api.hook;
