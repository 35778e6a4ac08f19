package org.masthead.article;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

/** The newsroom list's query: an {@link ArticleFilter} as a JPA Specification. */
final class ArticleSpecifications {

    private ArticleSpecifications() {}

    static Specification<Article> matching(ArticleFilter filter) {
        return (Root<Article> root, CriteriaQuery<?> query, CriteriaBuilder cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            } else {
                // The trash has its own page: the newsroom's lists leave it out.
                where.add(cb.notEqual(root.get("status"), ArticleStatus.TRASHED));
            }
            if (filter.sectionId() != null) {
                where.add(cb.equal(root.get("section").get("id"), filter.sectionId()));
            }
            if (filter.createdBy() != null) {
                where.add(cb.equal(root.get("createdBy"), filter.createdBy()));
            }
            if (filter.authorId() != null) {
                Subquery<Long> byAuthor = query.subquery(Long.class);
                Root<Article> other = byAuthor.from(Article.class);
                byAuthor.select(other.get("id"))
                        .where(cb.equal(other.join("authors").get("id"), filter.authorId()));
                where.add(root.get("id").in(byAuthor));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                String pattern = "%"
                        + filter.text()
                                .strip()
                                .toLowerCase()
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
                where.add(cb.like(cb.lower(root.get("title")), pattern, '\\'));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
