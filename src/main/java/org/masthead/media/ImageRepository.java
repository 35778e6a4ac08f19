package org.masthead.media;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface ImageRepository extends JpaRepository<Image, Long> {

    List<Image> findAllByOrderByCreatedAtDescIdDesc(Limit limit);
}
