/** Status snapshots of a member, as API objects and JSON (SPEC F1). */
package io.hotstandby.api.status;
