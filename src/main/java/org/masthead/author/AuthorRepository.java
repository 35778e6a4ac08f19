package org.masthead.author;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AuthorRepository extends JpaRepository<Author, Long> {

    Optional<Author> findBySlug(String slug);

    List<Author> findBySlugIn(Collection<String> slugs);

    List<Author> findAllByOrderByNameAsc();
}
