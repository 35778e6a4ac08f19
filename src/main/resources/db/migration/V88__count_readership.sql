-- Readership, kept as daily aggregates only: no row names a reader. Every table is bounded per day: articles by the
-- published articles, pages, devices and countries by their short fixed lists, referrer domains by
-- masthead.analytics.max-referrers-per-day (the rest are counted as '(other)').
create table analytics_article_days (
    day date not null,
    article_id bigint not null references articles (id) on delete cascade,
    views bigint not null default 0,
    visitors bigint not null default 0,
    primary key (day, article_id)
);
create index analytics_article_days_by_article on analytics_article_days (article_id, day);

create table analytics_page_days (
    day date not null,
    page text not null check (page in ('home', 'section', 'author', 'topic', 'search')),
    views bigint not null default 0,
    visitors bigint not null default 0,
    primary key (day, page)
);

create table analytics_referrer_days (
    day date not null,
    domain text not null check (length(domain) between 1 and 253),
    views bigint not null default 0,
    primary key (day, domain)
);

create table analytics_device_days (
    day date not null,
    device text not null check (device in ('desktop', 'mobile', 'tablet')),
    views bigint not null default 0,
    primary key (day, device)
);

create table analytics_country_days (
    day date not null,
    country text not null check (country ~ '^[A-Z]{2}$'),
    views bigint not null default 0,
    primary key (day, country)
);

-- Same-day only, deleted once the day is over: the day's random salt, the salted hashes that tell a returning
-- visitor of a page from a new one, and how many hashes the day may still hold
-- (masthead.analytics.max-visitor-hashes-per-day).
create table analytics_day_salts (
    day date primary key,
    salt bytea not null
);

create table analytics_day_visitors (
    day date not null,
    page text not null,
    visitor bytea not null,
    primary key (day, page, visitor)
);

create table analytics_day_budgets (
    day date primary key,
    visitor_hashes integer not null default 0
);
