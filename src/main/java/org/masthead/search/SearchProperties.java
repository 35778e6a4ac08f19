package org.masthead.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Search settings ({@code masthead.search.*}).
 *
 * @param language the PostgreSQL text-search configuration (stemming, stop words): {@code english}, {@code german}…
 *        Changing it rebuilds every article's search document on the next start.
 * @param maxQueryLength longer queries are refused with a message rather than run
 * @param pageSize results per page
 */
@Validated
@ConfigurationProperties("masthead.search")
public record SearchProperties(
        @DefaultValue("english") @NotBlank String language,
        @DefaultValue("200") @Min(10) @Max(2000) int maxQueryLength,
        @DefaultValue("10") @Min(1) @Max(100) int pageSize) {}
