package io.hotstandby.api.command;

/**
 * What an operator command achieved (SPEC A10), for the host to show. Immutable.
 *
 * @param command the command.
 * @param done    true when carried out, false when refused.
 * @param reason  for a refusal, why (e.g. "peer not synchronized", "mirroring mode has no peer switch");
 *                for success, a short description of what happened.
 */
public record CommandResult(OperatorCommand command, boolean done, String reason)
{
    /** @param command the command. @param what what happened. @return a success. */
    public static CommandResult done(final OperatorCommand command, final String what)
    {
        return new CommandResult(command, true, what);
    }

    /** @param command the command. @param why why it was refused. @return a refusal. */
    public static CommandResult refused(final OperatorCommand command, final String why)
    {
        return new CommandResult(command, false, why);
    }

    @Override
    public String toString()
    {
        return command + (done ? ": done" : ": refused") + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")");
    }
}
