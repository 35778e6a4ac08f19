package org.masthead.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An article an editor put on the front page: position 0 is the lead story, 1 to 3 the featured articles. */
@Entity
@Table(name = "front_page_picks")
class FrontPagePick {

    static final int LEAD = 0;

    @Id
    @Column(name = "position")
    private int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    private Article article;

    protected FrontPagePick() {}

    FrontPagePick(int position, Article article) {
        this.position = position;
        this.article = article;
    }

    int getPosition() {
        return position;
    }

    Article getArticle() {
        return article;
    }
}
