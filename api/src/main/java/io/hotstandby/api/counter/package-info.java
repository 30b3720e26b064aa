/** Counter ids readable from outside the process (SPEC F2). */
package io.hotstandby.api.counter;
