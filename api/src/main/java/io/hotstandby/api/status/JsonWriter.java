package io.hotstandby.api.status;

/**
 * Minimal JSON writer for status lines: objects, strings, numbers, booleans, enums (by name) and
 * null, with string escaping per RFC 8259. Single-threaded, control path only.
 */
final class JsonWriter
{
    private final StringBuilder out = new StringBuilder(512);
    private boolean first = true;

    JsonWriter begin()
    {
        out.append('{');
        first = true;
        return this;
    }

    JsonWriter end()
    {
        out.append('}');
        first = false;
        return this;
    }

    JsonWriter key(final String key)
    {
        if (!first)
        {
            out.append(',');
        }
        first = false;
        string(key);
        out.append(':');
        return this;
    }

    JsonWriter nullValue()
    {
        out.append("null");
        return this;
    }

    JsonWriter field(final String key, final long value)
    {
        key(key);
        out.append(value);
        return this;
    }

    JsonWriter field(final String key, final boolean value)
    {
        key(key);
        out.append(value);
        return this;
    }

    JsonWriter field(final String key, final Object value)
    {
        key(key);
        if (value == null)
        {
            out.append("null");
        }
        else if (value instanceof Number || value instanceof Boolean)
        {
            out.append(value);
        }
        else
        {
            string(value instanceof Enum<?> e ? e.name() : value.toString());
        }
        return this;
    }

    private void string(final String s)
    {
        out.append('"');
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    if (c < 0x20)
                    {
                        out.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString()
    {
        return out.toString();
    }
}
