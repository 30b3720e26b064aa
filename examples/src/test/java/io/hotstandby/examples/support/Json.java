package io.hotstandby.examples.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads top-level fields of the launcher's status lines. The status object puts its own
 * {@code state} and {@code role} before the nested {@code peer} object, so the first occurrence of a
 * name is the member's own.
 */
public final class Json
{
    private Json()
    {
    }

    /** @param line a status line. @param field a numeric field. @return its value. */
    public static long number(final String line, final String field)
    {
        final Matcher m = Pattern.compile("\"" + field + "\":(-?\\d+)").matcher(line);
        if (!m.find())
        {
            throw new AssertionError("no numeric field " + field + " in " + line);
        }
        return Long.parseLong(m.group(1));
    }

    /** @param line a status line. @param field a string field. @return its value, or null for JSON null. */
    public static String text(final String line, final String field)
    {
        final Matcher m = Pattern.compile("\"" + field + "\":(null|\"([^\"]*)\")").matcher(line);
        if (!m.find())
        {
            throw new AssertionError("no field " + field + " in " + line);
        }
        return m.group(2);
    }

    /** @param line a status line. @param role a role name. @param state a state name. @return true when both match. */
    public static boolean is(final String line, final String role, final String state)
    {
        return line.startsWith("{") && role.equals(text(line, "role")) && (state == null || state.equals(text(line, "state")));
    }
}
