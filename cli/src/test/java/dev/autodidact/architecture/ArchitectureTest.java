package dev.autodidact.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of DESIGN.md ("Modules and their direction") over the production classes of every module: cli's test
 * class path holds them all. Test classes and the modules' test-jars are left out.
 *
 * <p>Run with {@code -am} (or after an install): without it the other modules' classes come from the local
 * repository and may be older than the work tree.
 */
class ArchitectureTest {

    private static final String STREAMS = "dev.autodidact.streams..";
    private static final String LEARNER = "dev.autodidact.learner..";
    private static final String CONNECTORS = "dev.autodidact.connectors..";
    private static final String MEDIA = "dev.autodidact.media..";
    private static final String SCHEMA = "dev.autodidact.schema..";
    private static final String AUTODIDACT = "dev.autodidact..";

    /** Package roots of the modules, for the rule on {@code internal} packages. */
    private static final List<String> MODULE_ROOTS = List.of(
            "dev.autodidact.schema",
            "dev.autodidact.media",
            "dev.autodidact.monitoring",
            "dev.autodidact.broker",
            "dev.autodidact.streams",
            "dev.autodidact.learner",
            "dev.autodidact.connectors",
            "dev.autodidact.cli");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.autodidact");
    }

    @Test
    void streamAppShouldNotDependOnLearnerOrConnectors() {
        noClasses()
                .that()
                .resideInAPackage(STREAMS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(LEARNER, CONNECTORS)
                .because("services meet only through topics")
                .check(production);
    }

    @Test
    void learnerShouldNotDependOnStreamAppOrConnectors() {
        noClasses()
                .that()
                .resideInAPackage(LEARNER)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(STREAMS, CONNECTORS)
                .because("services meet only through topics")
                .check(production);
    }

    @Test
    void connectorsShouldNotDependOnStreamAppOrLearner() {
        noClasses()
                .that()
                .resideInAPackage(CONNECTORS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(STREAMS, LEARNER)
                .because("services meet only through topics")
                .check(production);
    }

    @Test
    void mediaShouldDependOnNoOtherAutodidactPackage() {
        leaf(MEDIA)
                .because("media is a leaf: its own value types, no wire format, no Kafka")
                .check(production);
    }

    @Test
    void schemaShouldDependOnNoOtherAutodidactPackage() {
        leaf(SCHEMA)
                .because("schema is a leaf: bytes and records, not transforms")
                .check(production);
    }

    @Test
    void learnerTrainingPathShouldNotDependOnImageSpecificClasses() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.autodidact.learner.train..",
                        "dev.autodidact.learner.method..",
                        "dev.autodidact.learner.loss..",
                        "dev.autodidact.learner.optim..",
                        "dev.autodidact.learner.replay..")
                .should()
                .dependOnClassesThat(imageSpecific())
                .because("one learner trains every modality; image code stays in learner.modality.image")
                .check(production);
    }

    @Test
    void internalPackagesShouldBeUsedOnlyWithinTheirModule() {
        CompositeArchRule.of(
                        MODULE_ROOTS.stream().map(ArchitectureTest::internalOf).toList())
                .check(production);
    }

    private static ArchRule internalOf(String root) {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideInAPackage("..internal..")
                .should()
                .onlyHaveDependentClassesThat()
                .resideInAPackage(root + "..")
                .because("a module's public API is at its package roots; its internal packages are its own")
                .allowEmptyShould(true);
    }

    private static ArchRule leaf(String module) {
        return noClasses()
                .that()
                .resideInAPackage(module)
                .should()
                .dependOnClassesThat(resideInAPackage(AUTODIDACT).and(not(resideInAPackage(module))));
    }

    private static DescribedPredicate<JavaClass> imageSpecific() {
        return resideInAnyPackage("dev.autodidact.media.image..", "dev.autodidact.learner.modality.image..")
                .or(named("dev.autodidact.schema.CleanImage"))
                .or(named("dev.autodidact.schema.ImageViews"))
                .or(named("dev.autodidact.schema.example.ImageArrays"))
                .as("are image-specific (media.image, learner.modality.image, CleanImage, ImageViews, ImageArrays)");
    }

    /** The class of that name and the classes nested in it. */
    private static DescribedPredicate<JavaClass> named(String className) {
        return DescribedPredicate.describe(
                className,
                javaClass -> javaClass.getName().equals(className)
                        || javaClass.getName().startsWith(className + "$"));
    }
}
