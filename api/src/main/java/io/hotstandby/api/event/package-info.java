/** Events of a member and the listener with no-op defaults (SPEC F2). */
package io.hotstandby.api.event;
