/** Several backup groups in one device: location groups and instance groups (SPEC E1, E2). */
package io.hotstandby.impl.group;
