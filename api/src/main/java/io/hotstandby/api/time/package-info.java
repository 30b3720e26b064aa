/** The injectable clock (SPEC F5, G8). */
package io.hotstandby.api.time;
