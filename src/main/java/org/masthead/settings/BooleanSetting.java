package org.masthead.settings;

import java.util.Locale;

/** On or off, written {@code true} or {@code false} (also read: on/off, yes/no). */
public final class BooleanSetting implements Setting<Boolean> {

    private final String name;
    private final boolean defaultValue;

    public BooleanSetting(String name, boolean defaultValue) {
        this.name = name;
        this.defaultValue = defaultValue;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Boolean defaultValue() {
        return defaultValue;
    }

    @Override
    public Boolean parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new InvalidSettingException("settings.invalid.boolean", text == null ? "" : text.strip());
        };
    }

    @Override
    public String format(Boolean value) {
        return String.valueOf(value);
    }
}
