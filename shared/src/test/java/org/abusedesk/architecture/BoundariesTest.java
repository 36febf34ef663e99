package org.abusedesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.abusedesk.complaint.Complaint;

/** The package boundaries of the shared module: the domain knows no cloud, no configuration and no function. */
@AnalyzeClasses(
        packages = "org.abusedesk",
        importOptions = {ImportOption.DoNotIncludeTests.class, BoundariesTest.ThisModule.class})
class BoundariesTest {

    /** Only the shared module's own classes: the test kit and the local stack on the class path are not its code. */
    static final class ThisModule implements ImportOption {
        private static final String ROOT = Complaint.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();

        @Override
        public boolean includes(Location location) {
            return location.asURI().toString().startsWith(ROOT)
                    || location.asURI().toString().startsWith("jar:" + ROOT);
        }
    }

    /** Where the cloud and the runtime may be named: the adapters, SnapStart's hooks, and the functions. */
    private static final String[] CLOUD_ALLOWED = {
        "org.abusedesk.aws..",
        "org.abusedesk.snapstart..",
        "org.abusedesk.form..",
        "org.abusedesk.inboundmail..",
        "org.abusedesk.processor..",
        "org.abusedesk.admin.api..",
        "org.abusedesk.delivery..",
        "org.abusedesk.console..",
    };

    private static final String[] DOMAIN = {
        "org.abusedesk.account..",
        "org.abusedesk.cases..",
        "org.abusedesk.complaint..",
        "org.abusedesk.evidence..",
        "org.abusedesk.inbound..",
        "org.abusedesk.intake..",
        "org.abusedesk.outgoing..",
        "org.abusedesk.paging..",
        "org.abusedesk.people..",
        "org.abusedesk.processing..",
        "org.abusedesk.reconcile..",
        "org.abusedesk.registration..",
        "org.abusedesk.request..",
        "org.abusedesk.statistics..",
        "org.abusedesk.suppression..",
        "org.abusedesk.webhooks..",
    };

    @ArchTest
    static final ArchRule cloudAndRuntimeOnlyInAdaptersAndFunctions = noClasses()
            .that()
            .resideOutsideOfPackages(CLOUD_ALLOWED)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon..", "com.amazonaws..", "org.crac..")
            .because("the domain is tested without AWS, and only adapters and functions know the cloud");

    @ArchTest
    static final ArchRule domainKnowsNoConfigurationAdapterOrFunction = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.abusedesk.config..",
                    "org.abusedesk.aws..",
                    "org.abusedesk.form..",
                    "org.abusedesk.inboundmail..",
                    "org.abusedesk.processor..",
                    "org.abusedesk.admin..",
                    "org.abusedesk.delivery..",
                    "org.abusedesk.console..")
            .because("deployment settings are read by the wiring, and the domain is wired, not wiring");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("org.abusedesk.(*)..").should().beFreeOfCycles();
}
