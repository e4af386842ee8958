package org.onedoor;

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

    @ArchTest
    static final ArchRule onlyDispatchUsesCamelAndCxf = noClasses()
            .that().resideOutsideOfPackage("org.onedoor.dispatch..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.apache.cxf..");

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
