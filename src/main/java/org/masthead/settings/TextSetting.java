package org.masthead.settings;

/** A line of text, up to a length; surrounding spaces are dropped and line breaks become spaces. */
public final class TextSetting implements Setting<String> {

    private final String name;
    private final String defaultValue;
    private final int maxLength;

    public TextSetting(String name, String defaultValue, int maxLength) {
        this.name = name;
        this.maxLength = maxLength;
        this.defaultValue = clean(defaultValue);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String defaultValue() {
        return defaultValue;
    }

    @Override
    public String parse(String text) {
        String value = clean(text);
        if (value.length() > maxLength) {
            throw new InvalidSettingException("settings.invalid.too-long", maxLength);
        }
        return value;
    }

    @Override
    public String format(String value) {
        return value;
    }

    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
