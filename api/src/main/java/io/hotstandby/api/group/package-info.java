/** Several backup groups in one device (SPEC E1, E2). */
package io.hotstandby.api.group;
