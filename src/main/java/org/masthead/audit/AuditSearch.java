package org.masthead.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.Predicate;

import org.masthead.security.Actor;
import org.masthead.security.NotAllowedException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log for the admin page: newest first, filtered by actor, action and time. */
@Service
@Transactional(readOnly = true)
public class AuditSearch {

    private final AuditEventRepository events;

    AuditSearch(AuditEventRepository events) {
        this.events = events;
    }

    /**
     * One page of events.
     *
     * @param by who reads the log (admins only)
     * @param actor part of the actor's name (case ignored), or blank for all
     * @param action the exact action, or blank for all
     * @param from inclusive lower bound, or null
     * @param until exclusive upper bound, or null
     */
    public Page<AuditEvent> search(
            Actor by, String actor, String action, Instant from, Instant until, int page, int size) {
        NotAllowedException.require(AuditPermissions.canRead(by), by, "read the audit log");
        Specification<AuditEvent> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (actor != null && !actor.isBlank()) {
                String pattern = "%"
                        + actor.strip()
                                .toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
                where.add(cb.like(cb.lower(root.get("actor")), pattern, '\\'));
            }
            if (action != null && !action.isBlank()) {
                where.add(cb.equal(root.get("action"), action.strip()));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from));
            }
            if (until != null) {
                where.add(cb.lessThan(root.get("occurredAt"), until));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Sort newestFirst = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));
        return events.findAll(spec, PageRequest.of(page, size, newestFirst));
    }

    /** Every action recorded so far, for the filter's choices. */
    public List<String> actions() {
        return events.findDistinctActions();
    }
}
