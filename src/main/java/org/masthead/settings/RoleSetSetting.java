package org.masthead.settings;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.masthead.security.Role;

/** A set of staff roles, written as their names separated by commas ({@code ADMIN, EDITOR}); empty is none. */
public final class RoleSetSetting implements Setting<Set<Role>> {

    private final String name;
    private final Set<Role> defaultValue;

    public RoleSetSetting(String name, Set<Role> defaultValue) {
        this.name = name;
        this.defaultValue = defaultValue.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Role.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(defaultValue));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Role> defaultValue() {
        return defaultValue;
    }

    @Override
    public Set<Role> parse(String text) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (text == null) {
            return Collections.unmodifiableSet(roles);
        }
        for (String part : text.split("[,\\s]+")) {
            String role = part.strip().toUpperCase(Locale.ROOT);
            if (role.isEmpty()) {
                continue;
            }
            try {
                roles.add(Role.valueOf(role));
            } catch (IllegalArgumentException ex) {
                throw new InvalidSettingException(
                        "settings.invalid.role",
                        part.strip(),
                        Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", ")));
            }
        }
        return Collections.unmodifiableSet(roles);
    }

    @Override
    public String format(Set<Role> value) {
        return value.stream().sorted().map(Role::name).collect(Collectors.joining(", "));
    }
}
