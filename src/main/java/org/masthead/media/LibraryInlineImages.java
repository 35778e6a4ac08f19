package org.masthead.media;

import java.util.Optional;

import org.masthead.markdown.InlineImage;
import org.masthead.markdown.InlineImages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The library's images as Markdown bodies show them: as figures with their widths, caption and credit. */
@Component
@Transactional(readOnly = true)
class LibraryInlineImages implements InlineImages {

    private final ImageRepository images;

    LibraryInlineImages(ImageRepository images) {
        this.images = images;
    }

    @Override
    public Optional<InlineImage> find(long id) {
        return images.findById(id)
                .map(image -> new InlineImage(
                        image.getUrl(),
                        image.getSrcset(),
                        image.getWidth(),
                        image.getHeight(),
                        image.getCaption(),
                        image.getCredit()));
    }
}
