package org.onedoor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package boundaries of STYLE.md, checked so that nobody has to remember them. */
@AnalyzeClasses(packages = "org.onedoor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Camunda stays in the workflow glue and in system's engine and security configuration. */
    @ArchTest
    static final ArchRule onlyWorkflowAndSystemUseCamunda = noClasses()
            .that().resideOutsideOfPackages("org.onedoor.workflow..", "org.onedoor.system..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    /** Keys and CMS stay behind the packet package's narrow interface. */
    @ArchTest
    static final ArchRule onlyPacketUsesBouncyCastle = noClasses()
            .that().resideOutsideOfPackage("org.onedoor.packet..")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..");

    /** The wires to MDA systems; the simulator, a ministry's system of its own, serves SOAP with CXF too (ADR 0002). */
    @ArchTest
    static final ArchRule onlyDispatchUsesCamelAndCxf = noClasses()
            .that().resideOutsideOfPackages("org.onedoor.dispatch..", "org.onedoor.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.apache.cxf..");

    /** The simulator plays a ministry that knows OneDoor by its published contract and its own keys alone. */
    @ArchTest
    static final ArchRule theSimulatorUsesOnlyThePublishedContract = classes()
            .that().resideInAPackage("org.onedoor.simulator..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.onedoor.simulator..",
                    "org.onedoor.dispatch.contract..", "org.onedoor.packet..", "org.onedoor.system..", "java..",
                    "jakarta..", "org.springframework..", "org.slf4j..", "org.apache.cxf..", "com.fasterxml..");

    /** The MDA directory is read by everyone and knows no transport. */
    @ArchTest
    static final ArchRule theMdaDirectoryKnowsNoTransport = noClasses()
            .that().resideInAPackage("org.onedoor.mda..")
            .should().dependOnClassesThat().resideInAnyPackage("org.onedoor.dispatch..", "org.onedoor.workflow..",
                    "org.onedoor.lifecycle..", "org.onedoor.tracking..");

    /** The lifecycle is the one place where states change; it knows no transport, engine or wording. */
    @ArchTest
    static final ArchRule theLifecycleDependsOnNoTransportEngineOrWording = noClasses()
            .that().resideInAPackage("org.onedoor.lifecycle..")
            .should().dependOnClassesThat().resideInAnyPackage("org.onedoor.dispatch..", "org.onedoor.workflow..",
                    "org.onedoor.tracking..", "org.camunda..");

    /** What citizens read is worded from the lifecycle's news only, not from the transports. */
    @ArchTest
    static final ArchRule trackingReadsTheLifecycleNotTheTransports = noClasses()
            .that().resideInAPackage("org.onedoor.tracking..")
            .should().dependOnClassesThat().resideInAnyPackage("org.onedoor.dispatch..", "org.onedoor.packet..");

    /** The KPIs read the other capabilities' tables and events; nothing reads the KPIs back. */
    @ArchTest
    static final ArchRule nothingDependsOnReporting = noClasses()
            .that().resideOutsideOfPackage("org.onedoor.reporting..")
            .should().dependOnClassesThat().resideInAPackage("org.onedoor.reporting..");

    @ArchTest
    static final ArchRule nothingDependsOnWorkflow = noClasses()
            .that().resideOutsideOfPackage("org.onedoor.workflow..")
            .should().dependOnClassesThat().resideInAPackage("org.onedoor.workflow..");

    @ArchTest
    static final ArchRule capabilitiesHaveNoCycles = slices().matching("org.onedoor.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noGenericExceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule noFieldInjection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
