package org.masthead.media;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ImageRepository extends JpaRepository<Image, Long> {

    List<Image> findAllByOrderByCreatedAtDescIdDesc(Limit limit);

    Slice<Image> findAllByOrderByCreatedAtDescIdDesc(Pageable pageable);

    /** {@code pattern} is a lower-case {@code like} pattern with its wildcards escaped by a backslash. */
    @Query("select i from Image i where lower(i.altText) like :pattern escape '\\' or lower(i.caption) like :pattern"
            + " escape '\\' or lower(i.credit) like :pattern escape '\\' or lower(i.name) like :pattern escape '\\'"
            + " order by i.createdAt desc, i.id desc")
    Slice<Image> search(String pattern, Pageable pageable);
}
