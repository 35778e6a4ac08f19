package org.masthead.article;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PreviewLinkRepository extends JpaRepository<PreviewLink, Long> {

    Optional<PreviewLink> findByTokenHash(String tokenHash);

    List<PreviewLink> findByArticleIdOrderByCreatedAtDesc(long articleId);
}
