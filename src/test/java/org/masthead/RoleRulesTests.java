package org.masthead;

import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role rule of {@link ArchitectureTests} fails on a violation planted for it ({@code org.mastheadplanted},
 * test code outside org.masthead, so no Spring context scans it), and passes the planted code that keeps it: the rules check something.
 */
class RoleRulesTests {

    static final JavaClasses PLANTED = new ClassFileImporter().importPackages("org.mastheadplanted");

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(PLANTED);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void aControllerThatReadsARepositoryIsReportedWhateverItsPackage() {
        String report = violations(RoleRules.CONTROLLERS_NEVER_TOUCH_REPOSITORIES);
        assertThat(report).contains("PlantedRepositoryController").doesNotContain("PlantedReaderController");
    }

    @Test
    void aPublicPageThatReadsAnyArticleIsReportedAndANewsroomPageIsNot() {
        String report = violations(RoleRules.READERS_NEVER_REACH_STAFF_ARTICLE_SERVICES);
        assertThat(report)
                .contains("PlantedReaderController")
                .contains("org.masthead.article.ArticleService")
                .doesNotContain("PlantedStaffController");
    }

    @Test
    void webCodeThatUsesAnotherFeaturesWebCodeIsReportedAndItsOwnFeaturesIsNot() {
        String report = violations(RoleRules.featuresWebCodeStaysApart("org.mastheadplanted"));
        assertThat(report)
                .contains("AlphaPage")
                .contains("GammaController")
                .doesNotContain("AlphaHelper>")
                .doesNotContain("<org.mastheadplanted.alpha.web.AlphaHelper");
    }

    @Test
    void theFeatureOfAClassIsItsPackageWithoutTheWebPart() {
        assertThat(RoleRules.feature(PLANTED.get("org.mastheadplanted.alpha.web.AlphaPage")))
                .isEqualTo("org.mastheadplanted.alpha");
        assertThat(RoleRules.feature(PLANTED.get("org.mastheadplanted.gamma.GammaController")))
                .isEqualTo("org.mastheadplanted.gamma");
    }

    @Test
    void aControllerWithATransactionIsReportedOnTheClassOrAMethod() {
        String report = violations(RoleRules.CONTROLLERS_HAVE_NO_TRANSACTIONS);
        assertThat(report)
                .contains("PlantedTransactionalController.page()")
                .contains("PlantedTransactionalClassController is @Transactional")
                .doesNotContain("PlantedTwoWritesController");
    }

    @Test
    void aHandlerThatWritesThroughTwoServiceMethodsIsReportedAndOneWriteWithReadsIsNot() {
        String report = violations(RoleRules.handlersCallAtMostOneWrite(Map.of()));
        assertThat(report)
                .contains("PlantedTwoWritesController.twoWrites()")
                .contains("PlantedTwoWritesController.writeInAReadOnlyService()")
                .contains("PlantedReadOnlyService.write()")
                .doesNotContain("oneWrite")
                .doesNotContain("PlantedService.read()")
                .doesNotContain("PlantedReadOnlyService.read()");
    }

    @Test
    void aHandlerNamedAsAnExceptionIsNotReported() {
        String report = violations(RoleRules.handlersCallAtMostOneWrite(Map.of(
                "org.mastheadplanted.tx.PlantedTwoWritesController.twoWrites()", "planted: the exception is named")));
        assertThat(report).doesNotContain("twoWrites()").contains("writeInAReadOnlyService()");
    }

    @Test
    void serviceMethodsWriteUnlessTheirTransactionIsReadOnly() {
        var service = PLANTED.get("org.mastheadplanted.tx.PlantedService");
        var readOnly = PLANTED.get("org.mastheadplanted.tx.PlantedReadOnlyService");
        assertThat(RoleRules.writes(service.getMethod("first"))).isTrue();
        assertThat(RoleRules.writes(service.getMethod("read"))).isFalse();
        assertThat(RoleRules.writes(readOnly.getMethod("read"))).isFalse();
        assertThat(RoleRules.writes(readOnly.getMethod("write"))).isTrue();
    }

    @Test
    void aSecondListOfTheReadersUrlsIsReportedAndALinkToOneOfThemIsNot() {
        String report = violations(ReaderUrlRules.READER_URLS_ARE_ONE_TABLE);
        assertThat(report)
                .contains("PlantedSecondReaderUrlList")
                .contains("/articles/**")
                .doesNotContain("PlantedLinkBuilder");
    }
}
