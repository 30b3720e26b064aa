/** Configuration backup and consistency checks (SPEC C1-C4). */
package io.hotstandby.impl.configsync;
