package org.masthead.throttle;

import java.time.Duration;

/**
 * One limit: after {@code limit} events for one key within {@code window}, that key is refused for {@code block}
 * after the event that reached the limit. Refused attempts are not counted, so a block ends on time.
 *
 * @param name what is counted, as stored (for example {@code login.account}); one name a rule
 * @param limit events within the window that start a block
 * @param window how far back events count
 * @param block how long after the event that reached the limit the key is refused
 */
public record ThrottleRule(String name, int limit, Duration window, Duration block) {

    public ThrottleRule {
        if (name == null
                || name.isBlank()
                || limit < 1
                || window.isNegative()
                || window.isZero()
                || block.isNegative()) {
            throw new IllegalArgumentException("Not a throttle rule: " + name);
        }
    }

    /** This rule counted for one key, for {@link Throttle#tryAcquire(Counted...)}. */
    public Counted of(String key) {
        return new Counted(this, key);
    }

    /** A rule and the key it counts an attempt under. */
    public record Counted(ThrottleRule rule, String key) {}

    /** Events older than this no longer matter to the rule. */
    Duration keep() {
        return window.plus(block);
    }
}
