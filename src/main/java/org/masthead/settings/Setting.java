package org.masthead.settings;

/**
 * One setting an admin may change in the app. A feature declares it as a bean (its name is the property that
 * gives its default, such as {@code masthead.security.second-factor-required-roles}) and reads it through
 * {@link SettingsStore#get(Setting)}; the settings page lists every such bean. Values are kept as text, in the
 * form {@link #format} writes and {@link #parse} reads.
 *
 * @param <T> the value's type
 */
public interface Setting<T> {

    /** The property name, which is also the setting's key in the store and its label key ({@code settings.NAME}). */
    String name();

    /** The value while no admin has set one: the property's, or the built-in default. */
    T defaultValue();

    /** Reads a value as an admin types it; throws {@link InvalidSettingException} with a message key if it is not one. */
    T parse(String text);

    /** Writes a value as {@link #parse} reads it back. */
    String format(T value);
}
