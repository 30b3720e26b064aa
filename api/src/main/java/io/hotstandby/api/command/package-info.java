/** Operator commands and their results (SPEC A10). */
package io.hotstandby.api.command;
