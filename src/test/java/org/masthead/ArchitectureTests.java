package org.masthead;

import java.util.Map;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package-by-feature rules of docs/ARCHITECTURE.md, "Three layers", checked on every build. */
@AnalyzeClasses(packages = "org.masthead", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule featuresHaveNoCycles =
            slices().matching("org.masthead.(*)..").should().beFreeOfCycles();

    /** Within a feature too: a sub-package (a reader, a web adapter) and its parent never lean on each other both ways. */
    @ArchTest
    static final ArchRule packagesHaveNoCyclesAtAnyDepth =
            slices().matching("org.masthead.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule lowerFeaturesNeverImportArticles = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.masthead.author..",
                    "org.masthead.section..",
                    "org.masthead.topic..",
                    "org.masthead.markdown..",
                    "org.masthead.slug..",
                    "org.masthead.security..",
                    "org.masthead.audit..",
                    "org.masthead.db..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.masthead.article..")
            .because("arrows point down: a lower feature declares an interface that article/ implements instead");

    @ArchTest
    static final ArchRule nothingDependsOnAFeaturesWebAdapter = noClasses()
            .that()
            .resideOutsideOfPackages("org.masthead.*.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.masthead.*.web..");

    @ArchTest
    static final ArchRule markdownIsSelfContained = classes()
            .that()
            .resideInAPackage("org.masthead.markdown")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "org.masthead.markdown",
                    "java..",
                    "org.commonmark..",
                    "com.vladsch.flexmark..",
                    "org.jsoup..",
                    "org.springframework.stereotype..",
                    "org.springframework.beans.factory.annotation..");

    // --- by role, not package (RoleRules; each proven on planted violations in RoleRulesTests) -----------------

    @ArchTest
    static final ArchRule controllersNeverTouchRepositories = RoleRules.CONTROLLERS_NEVER_TOUCH_REPOSITORIES;

    @ArchTest
    static final ArchRule readerFacingCodeNeverReachesTheStaffArticleServices =
            RoleRules.READERS_NEVER_REACH_STAFF_ARTICLE_SERVICES;

    @ArchTest
    static final ArchRule aFeaturesWebCodeNeverDependsOnAnotherFeaturesWebCode =
            RoleRules.FEATURES_WEB_CODE_STAYS_APART;

    @ArchTest
    static final ArchRule controllersHaveNoTransactions = RoleRules.CONTROLLERS_HAVE_NO_TRANSACTIONS;

    @ArchTest
    static final ArchRule aRequestHandlerWritesThroughOneServiceMethod = RoleRules.handlersCallAtMostOneWrite(Map.of(
            "org.masthead.archive.web.ExportAdminController.download(org.masthead.security.StaffUser)",
            "JournalExport.writeTo declares no transaction but only reads, in short read-only transactions of its own"
                    + " while the zip streams out (one transaction would be held for the whole download); the audit"
                    + " line of recordExport is written before the stream starts, so an export broken midway stays"
                    + " on record"));

    @ArchTest
    static final ArchRule theReadersUrlsAreOneTable = ReaderUrlRules.READER_URLS_ARE_ONE_TABLE;

    @ArchTest
    static final ArchRule webCodeNeverTouchesRepositories = noClasses()
            .that()
            .resideInAPackage("..web..")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .because("web code reads through services such as PublicArticles, which keep the visibility rule");

    @ArchTest
    static final ArchRule theContentApiReadsOnlyPublicArticles = noClasses()
            .that()
            .resideInAPackage("org.masthead.api..")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.masthead.article.ArticleService")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.masthead.article.ArticleImages")
            .because("the content API shows only what the public site shows: articles come through PublicArticles");
}
