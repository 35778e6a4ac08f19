package org.masthead.section;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SectionRepository extends JpaRepository<Section, Long> {

    Optional<Section> findBySlug(String slug);

    List<Section> findAllByOrderByPositionAscNameAsc();
}
