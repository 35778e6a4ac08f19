package org.masthead.settings;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.masthead.audit.AuditLog;
import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.masthead.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings admins change in the app, one row a setting in {@code settings}; a setting without a row has its
 * default (its property). Read from the database each time, so every node sees a change at once. Only admins
 * change settings, and every change is audited with the old and the new value.
 */
@Service
public class SettingsStore {

    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);

    private final List<Setting<?>> settings;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    SettingsStore(List<Setting<?>> settings, JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.settings =
                settings.stream().sorted(Comparator.comparing(Setting::name)).toList();
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The setting's value: the one an admin set, or its default. */
    @Transactional(readOnly = true)
    public <T> T get(Setting<T> setting) {
        return stored(setting.name())
                .flatMap(text -> {
                    try {
                        return Optional.of(setting.parse(text));
                    } catch (InvalidSettingException ex) {
                        log.warn(
                                "Setting {} holds {}, which it no longer takes; using its default",
                                setting.name(),
                                text);
                        return Optional.empty();
                    }
                })
                .orElseGet(setting::defaultValue);
    }

    /** Every setting, in name order, with its value and default as text, for the settings page. */
    @Transactional(readOnly = true)
    public List<SettingView> all(Actor by) {
        NotAllowedException.require(by.hasAtLeast(Role.ADMIN), by, "settings.view");
        return settings.stream().map(this::view).toList();
    }

    /** Sets {@code name} to {@code text}, or back to its default when {@code reset}: what the settings page posts. */
    @Transactional
    public void change(Actor by, String name, String text, boolean reset) {
        if (reset) {
            reset(by, name);
        } else {
            set(by, name, text);
        }
    }

    /** Sets {@code name} to the value {@code text} says, after checking it; an unknown name is an invalid setting. */
    @Transactional
    public void set(Actor by, String name, String text) {
        NotAllowedException.require(by.hasAtLeast(Role.ADMIN), by, "settings.change");
        Setting<?> setting = find(name);
        String value = normalised(setting, text);
        String before = view(setting).value();
        jdbc.update("""
                insert into settings (name, value, updated_at, updated_by) values (?, ?, ?, ?)
                on conflict (name) do update
                    set value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by""", name, value, Timestamp.from(clock.instant()), by.auditName());
        audit.record(by, "settings.change", "setting " + name, "from \"" + before + "\" to \"" + value + "\"");
    }

    /** Removes the admin's value of {@code name}: its default counts again. */
    @Transactional
    public void reset(Actor by, String name) {
        NotAllowedException.require(by.hasAtLeast(Role.ADMIN), by, "settings.change");
        Setting<?> setting = find(name);
        String before = view(setting).value();
        if (jdbc.update("delete from settings where name = ?", name) > 0) {
            audit.record(
                    by,
                    "settings.reset",
                    "setting " + name,
                    "from \"" + before + "\" to the default \"" + view(setting).value() + "\"");
        }
    }

    private Setting<?> find(String name) {
        return settings.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidSettingException("settings.invalid.unknown", String.valueOf(name)));
    }

    private static <T> String normalised(Setting<T> setting, String text) {
        return setting.format(setting.parse(text == null ? "" : text.strip()));
    }

    private <T> SettingView view(Setting<T> setting) {
        Optional<String> stored = stored(setting.name());
        return new SettingView(
                setting.name(),
                setting.format(get(setting)),
                setting.format(setting.defaultValue()),
                stored.isPresent());
    }

    private Optional<String> stored(String name) {
        return jdbc.queryForList("select value from settings where name = ?", String.class, name).stream()
                .findFirst();
    }

    /**
     * A setting as the settings page shows it.
     *
     * @param name the setting's name (its property)
     * @param value its value, as text
     * @param defaultValue its default, as text
     * @param changed whether an admin set it (otherwise the value is the default)
     */
    public record SettingView(String name, String value, String defaultValue, boolean changed) {}
}
