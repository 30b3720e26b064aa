package io.hotstandby.api.config;

/**
 * Thrown by {@link PairConfig.Builder#build()} (and {@link PairConfig#checkReconfiguration}) when a
 * configuration breaks a rule of SPEC A1/A9. The message always names the field and the rule, so the
 * host can show it to an operator as is.
 */
public final class ConfigException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    /**
     * @param field the configuration field at fault, as named by the builder method.
     * @param rule  the rule that was broken, in operator words.
     */
    public ConfigException(final String field, final String rule)
    {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** @return the configuration field at fault, e.g. {@code "virtualIps"}. */
    public String field()
    {
        return field;
    }

    /** @return the rule that was broken, e.g. {@code "mirroring mode forbids virtual IPs"}. */
    public String rule()
    {
        return rule;
    }
}
