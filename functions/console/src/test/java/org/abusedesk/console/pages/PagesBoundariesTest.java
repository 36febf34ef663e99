package org.abusedesk.console.pages;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.abusedesk.console.ConsolePages;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.console.Person;
import org.abusedesk.console.Stylesheet;

/** The pages only translate: they ask the use cases and know neither the cloud, nor the sign-in, nor the handler. */
@AnalyzeClasses(packages = "org.abusedesk.console", importOptions = ImportOption.DoNotIncludeTests.class)
class PagesBoundariesTest {

    @ArchTest
    static final ArchRule pagesKnowNoCloudAndNoSignIn = noClasses()
            .that()
            .resideInAPackage("org.abusedesk.console.pages..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.abusedesk.aws..", "software.amazon..", "com.amazonaws..", "com.nimbusds..");

    @ArchTest
    static final ArchRule pagesUseOnlyTheHandlersContract = noClasses()
            .that()
            .resideInAPackage("org.abusedesk.console.pages..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.abusedesk.console")
                    .and(not(belongToAnyOf(
                            ConsolePages.class,
                            ConsoleRequest.class,
                            ConsoleResponse.class,
                            Person.class,
                            Stylesheet.class))));
}
