package org.masthead.media;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ImageVariantRepository extends JpaRepository<ImageVariant, Long> {

    Optional<ImageVariant> findByImageIdAndWidth(long imageId, int width);

    /** The ETag alone, so that a conditional request answered 304 never loads the bytes. */
    @Query("select v.etag from ImageVariant v where v.imageId = :imageId and v.width = :width")
    Optional<String> findEtag(long imageId, int width);
}
