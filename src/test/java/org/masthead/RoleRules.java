package org.masthead;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Architecture rules that pick classes by their role (what they are annotated with, which URLs they answer), not
 * by the package they happen to sit in, so a controller in an unusual package is checked like any other. Used by
 * {@link ArchitectureTests} on the application and by {@code RoleRulesTests} on planted violations.
 */
final class RoleRules {

    private RoleRules() {}

    /** {@code @Controller}, {@code @RestController} and any other annotation built on them. */
    static final DescribedPredicate<JavaClass> CONTROLLERS =
            DescribedPredicate.describe("controllers", type -> type.isMetaAnnotatedWith(Controller.class));

    /** What reads or writes the database directly: Spring Data repositories, JDBC, the entity manager. */
    static final DescribedPredicate<JavaClass> DATA_ACCESS = DescribedPredicate.describe(
            "repositories or direct database access",
            type -> type.isAssignableTo("org.springframework.data.repository.Repository")
                    || type.getName().startsWith("org.springframework.jdbc.core.")
                    || type.isAssignableTo("jakarta.persistence.EntityManager"));

    /**
     * Reader-facing code: controllers with a URL outside the newsroom ({@code /admin}), and the public surfaces
     * (feeds, content API, search), whatever class serves them. The preview page is the one reader-facing door
     * to a draft, for the holder of a preview link, and is left out by name.
     */
    static final DescribedPredicate<JavaClass> READER_FACING = DescribedPredicate.describe(
            "reader-facing code (public pages, feeds, API, search)",
            type -> !type.getName().equals("org.masthead.article.web.PreviewController")
                    && ((CONTROLLERS.test(type) && answersReaders(type))
                            || Stream.of("org.masthead.feed", "org.masthead.api", "org.masthead.search")
                                    .anyMatch(feature -> type.getPackageName().equals(feature)
                                            || type.getPackageName().startsWith(feature + "."))));

    /**
     * The staff side of articles: every Spring bean of the article feature but {@code PublicArticles} (the one
     * door for public reads, which keeps the visibility rule) and {@code FrontPage} (the home page's stories, read
     * through {@code PublicArticles}; its curation checks the actor). {@code ArticleService}, {@code ArticleImages},
     * {@code PreviewLinks} and their kind return any article, drafts included.
     */
    static final DescribedPredicate<JavaClass> STAFF_ARTICLE_SERVICES = DescribedPredicate.describe(
            "the staff services of articles (anything but PublicArticles and FrontPage)",
            type -> (type.getPackageName().equals("org.masthead.article")
                            || type.getPackageName().startsWith("org.masthead.article."))
                    && !type.getPackageName().contains(".web")
                    && type.isMetaAnnotatedWith(Component.class)
                    && !type.getSimpleName().equals("PublicArticles")
                    && !type.getSimpleName().equals("FrontPage"));

    static final ArchRule CONTROLLERS_NEVER_TOUCH_REPOSITORIES = noClasses()
            .that(CONTROLLERS)
            .should()
            .dependOnClassesThat(DATA_ACCESS)
            .because("controllers translate HTTP; the services keep the rules (visibility, permissions)");

    static final ArchRule READERS_NEVER_REACH_STAFF_ARTICLE_SERVICES = noClasses()
            .that(READER_FACING)
            .should()
            .dependOnClassesThat(STAFF_ARTICLE_SERVICES)
            .because("readers see only what PublicArticles returns: no draft is ever public");

    static final ArchRule FEATURES_WEB_CODE_STAYS_APART = featuresWebCodeStaysApart("org.masthead");

    /** The web-code rule for the classes under {@code root}, whose shared web code lives in {@code root.web}. */
    static ArchRule featuresWebCodeStaysApart(String root) {
        return classes()
                .that(webCode(root))
                .should(dependOnNoOtherFeaturesWebCode(root))
                .because("a feature's pages are its own: what two features' web code share lives in " + root + ".web");
    }

    /** Web code: classes of a {@code web} package, and controllers and controller advice wherever they are. */
    static DescribedPredicate<JavaClass> webCode(String root) {
        return DescribedPredicate.describe(
                "web code",
                type -> type.getPackageName().startsWith(root + ".")
                        && isWeb(type)
                        && !type.getPackageName().equals(root + ".web")
                        && !type.getPackageName().startsWith(root + ".web."));
    }

    private static boolean isWeb(JavaClass type) {
        return type.getPackageName().endsWith(".web")
                || type.getPackageName().contains(".web.")
                || type.isMetaAnnotatedWith(Controller.class)
                || type.isMetaAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice");
    }

    /** The feature a class belongs to: its package without the {@code web} part. */
    static String feature(JavaClass type) {
        String name = type.getPackageName();
        int web = name.indexOf(".web");
        while (web >= 0 && !(name.length() == web + 4 || name.charAt(web + 4) == '.')) {
            web = name.indexOf(".web", web + 1);
        }
        return web >= 0 ? name.substring(0, web) : name;
    }

    private static ArchCondition<JavaClass> dependOnNoOtherFeaturesWebCode(String root) {
        return new ArchCondition<>("depend on no other feature's web code") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String own = feature(type);
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (webCode(root).test(target)
                            && !feature(target).equals(own)
                            && !feature(target).startsWith(own + ".")
                            && !own.startsWith(feature(target) + ".")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static final String TRANSACTIONAL = "org.springframework.transaction.annotation.Transactional";
    private static final String JAKARTA_TRANSACTIONAL = "jakarta.transaction.Transactional";

    /** Controllers own no transaction: the service method a handler calls is the transaction. */
    static final ArchRule CONTROLLERS_HAVE_NO_TRANSACTIONS = classes()
            .that(CONTROLLERS)
            .should(new ArchCondition<>("have no @Transactional, on the class or a method") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    if (transactional(type)) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " is @Transactional"));
                    }
                    for (JavaMethod method : type.getMethods()) {
                        if (transactional(method)) {
                            events.add(
                                    SimpleConditionEvent.violated(method, method.getFullName() + " is @Transactional"));
                        }
                    }
                }
            })
            .because("a use case is one transaction in the service layer, refused as a whole there");

    private static boolean transactional(com.tngtech.archunit.core.domain.properties.CanBeAnnotated element) {
        return element.isAnnotatedWith(TRANSACTIONAL) || element.isAnnotatedWith(JAKARTA_TRANSACTIONAL);
    }

    /**
     * A service method that writes: a public method of a {@code @Service} class whose transaction (the method's
     * own {@code @Transactional}, else its class's) is not {@code readOnly = true}. A method with no transaction
     * declared at all counts as writing: a read says so with {@code readOnly}.
     */
    static boolean writes(JavaMethod method) {
        JavaClass owner = method.getOwner();
        if (!owner.isAnnotatedWith(org.springframework.stereotype.Service.class)
                || !method.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
            return false;
        }
        Optional<? extends JavaAnnotation<?>> declared = method.tryGetAnnotationOfType(TRANSACTIONAL);
        if (declared.isEmpty()) {
            declared = owner.tryGetAnnotationOfType(TRANSACTIONAL);
        }
        return declared.map(t -> !Boolean.TRUE.equals(t.get("readOnly").orElse(false)))
                .orElse(true);
    }

    /** The request handlers of a controller: its methods with a request mapping. */
    static boolean handler(JavaMethod method) {
        return CONTROLLERS.test(method.getOwner()) && hasMapping(method);
    }

    /**
     * Each request handler of a controller calls at most one service method that {@link #writes} (calling the
     * same one on several branches counts once): a request is one use case, written or refused as a whole by the
     * service. {@code exceptions}: handlers allowed more, by full name, each with the reason it is allowed.
     */
    static ArchRule handlersCallAtMostOneWrite(Map<String, String> exceptions) {
        return classes()
                .that(CONTROLLERS)
                .should(new ArchCondition<>("call at most one service method that writes per request handler") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        for (JavaMethod method : type.getMethods()) {
                            if (!handler(method) || exceptions.containsKey(method.getFullName())) {
                                continue;
                            }
                            Set<String> writes = new java.util.TreeSet<>();
                            method.getMethodCallsFromSelf()
                                    .forEach(call -> call.getTarget()
                                            .resolveMember()
                                            .filter(RoleRules::writes)
                                            .ifPresent(target -> writes.add(target.getFullName())));
                            if (writes.size() > 1) {
                                events.add(SimpleConditionEvent.violated(
                                        method, method.getFullName() + " writes through " + writes));
                            }
                        }
                    }
                })
                .because("two writing calls are two transactions: the first stays written when the second is"
                        + " refused");
    }

    private static final Set<String> MAPPINGS = Set.of(
            "org.springframework.web.bind.annotation.RequestMapping",
            "org.springframework.web.bind.annotation.GetMapping",
            "org.springframework.web.bind.annotation.PostMapping",
            "org.springframework.web.bind.annotation.PutMapping",
            "org.springframework.web.bind.annotation.DeleteMapping",
            "org.springframework.web.bind.annotation.PatchMapping");

    /** Whether the controller answers a URL outside {@code /admin} (its class and method mappings combined). */
    private static boolean answersReaders(JavaClass controller) {
        List<String> prefixes = paths(controller.getAnnotations().stream());
        if (prefixes.isEmpty()) {
            prefixes = List.of("");
        }
        for (JavaMethod method : controller.getMethods()) {
            List<String> paths = paths(method.getAnnotations().stream());
            for (String prefix : prefixes) {
                for (String path : paths.isEmpty() && hasMapping(method) ? List.of("") : paths) {
                    String full = prefix + path;
                    if (!(full.equals("/admin") || full.startsWith("/admin/"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean hasMapping(JavaMethod method) {
        return method.getAnnotations().stream()
                .anyMatch(a -> MAPPINGS.contains(a.getRawType().getName()));
    }

    private static List<String> paths(Stream<? extends JavaAnnotation<?>> annotations) {
        return annotations
                .filter(a -> MAPPINGS.contains(a.getRawType().getName()))
                .flatMap(a -> Stream.of("value", "path")
                        .map(a::get)
                        .flatMap(java.util.Optional::stream)
                        .flatMap(v -> Stream.of((Object[]) v)))
                .map(Object::toString)
                .toList();
    }
}
