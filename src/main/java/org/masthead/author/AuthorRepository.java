package org.masthead.author;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuthorRepository extends JpaRepository<Author, Long> {

    // Single profiles come with their photo and links (one statement), lists with their photos.

    @EntityGraph(attributePaths = {"photo", "links"})
    Optional<Author> findBySlug(String slug);

    @Override
    @EntityGraph(attributePaths = {"photo", "links"})
    Optional<Author> findById(Long id);

    List<Author> findBySlugIn(Collection<String> slugs);

    @EntityGraph(attributePaths = "photo")
    List<Author> findAllByOrderByNameAsc();

    @EntityGraph(attributePaths = {"photo", "links"})
    Optional<Author> findByAccountId(long accountId);

    List<Author> findByPhotoId(long imageId);

    /** Authors whose bio Markdown matches a LIKE pattern, such as the start of an image's URLs. */
    @Query("select a from Author a where a.bioMarkdown like :pattern")
    List<Author> findByBioLike(String pattern);
}
