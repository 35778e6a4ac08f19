package org.masthead.slug;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SlugRedirectRepository extends JpaRepository<SlugRedirect, Long> {

    Optional<SlugRedirect> findByKindAndOldSlug(SlugKind kind, String oldSlug);

    List<SlugRedirect> findByKindAndTargetIdOrderByOldSlug(SlugKind kind, long targetId);

    @Modifying
    @Query("delete from SlugRedirect r where r.kind = :kind and r.oldSlug = :slug")
    void deleteByKindAndOldSlug(SlugKind kind, String slug);

    @Modifying
    @Query("update SlugRedirect r set r.targetId = :toId where r.kind = :kind and r.targetId = :fromId")
    void repoint(SlugKind kind, long fromId, long toId);
}
