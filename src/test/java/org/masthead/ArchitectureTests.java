package org.masthead;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package-by-feature rules of STYLE.md, checked on every build. */
@AnalyzeClasses(packages = "org.masthead", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule featuresHaveNoCycles =
            slices().matching("org.masthead.(*)..").should().beFreeOfCycles();

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
            .resideInAPackage("org.masthead.markdown..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "org.masthead.markdown..",
                    "java..",
                    "org.commonmark..",
                    "org.jsoup..",
                    "org.springframework.stereotype..",
                    "org.springframework.beans.factory.annotation..");

    @ArchTest
    static final ArchRule controllersNeverTouchRepositories = noClasses()
            .that()
            .resideInAPackage("..web..")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .because("public controllers read through services such as PublicArticles, which keep the visibility rule");
}
