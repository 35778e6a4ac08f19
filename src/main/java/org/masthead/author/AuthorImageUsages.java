package org.masthead.author;

import java.util.ArrayList;
import java.util.List;

import org.masthead.media.ImageUsages;
import org.masthead.media.ImageUse;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the media library which author profiles show an image, as their photo or in their bio. */
@Component
@Transactional(readOnly = true)
class AuthorImageUsages implements ImageUsages {

    private final AuthorRepository authors;

    AuthorImageUsages(AuthorRepository authors) {
        this.authors = authors;
    }

    @Override
    public List<ImageUse> usesOf(long imageId) {
        List<ImageUse> uses = new ArrayList<>();
        for (Author author : authors.findByPhotoId(imageId)) {
            uses.add(new ImageUse("media.use.author-photo", author.getName(), "/admin/authors/" + author.getId()));
        }
        for (Author author : authors.findByBioLike("%/media/" + imageId + "/%")) {
            uses.add(new ImageUse("media.use.author-bio", author.getName(), "/admin/authors/" + author.getId()));
        }
        return uses;
    }
}
