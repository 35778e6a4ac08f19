package org.masthead.settings;

import java.io.UnsupportedEncodingException;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * An e-mail address, with an optional display name ({@code The Review <news@example.org>}); empty only where
 * {@code optional}. Kept as the address reads with its name quoted where needed.
 */
public final class EmailAddressSetting implements Setting<String> {

    private final String name;
    private final String defaultValue;
    private final boolean optional;

    public EmailAddressSetting(String name, String defaultValue, boolean optional) {
        this.name = name;
        this.optional = optional;
        this.defaultValue = defaultValue == null ? "" : defaultValue.strip();
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
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            if (optional) {
                return "";
            }
            throw new InvalidSettingException("settings.invalid.address-required");
        }
        try {
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            if (address.getAddress() == null || !address.getAddress().contains("@")) {
                throw new InvalidSettingException("settings.invalid.address", value);
            }
            String personal = address.getPersonal();
            return personal == null || personal.isBlank()
                    ? address.getAddress()
                    : new InternetAddress(address.getAddress(), personal.strip(), "UTF-8").toUnicodeString();
        } catch (AddressException | UnsupportedEncodingException ex) {
            throw new InvalidSettingException("settings.invalid.address", value);
        }
    }

    @Override
    public String format(String value) {
        return value;
    }
}
