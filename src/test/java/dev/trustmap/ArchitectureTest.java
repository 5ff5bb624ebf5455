package dev.trustmap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.trustmap", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreStaysHeadless = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.trustmap.mesh..",
                    "dev.trustmap.istio..",
                    "dev.trustmap.engine..",
                    "dev.trustmap.analysis..",
                    "dev.trustmap.source..",
                    "dev.trustmap.export..",
                    "dev.trustmap.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.graphstream..", "dev.trustmap.ui..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule viewModelsDoNotTouchNodes = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.graphstream..");

    /** The model depends on nothing of ours. */
    @ArchTest
    static final ArchRule meshIsTheBottomLayer = noClasses()
            .that()
            .resideInAPackage("dev.trustmap.mesh..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.trustmap.istio..",
                    "dev.trustmap.engine..",
                    "dev.trustmap.analysis..",
                    "dev.trustmap.source..",
                    "dev.trustmap.export..",
                    "dev.trustmap.cli..");

    /** Policy compilation and decisions use only the model and each other: the engine reads no files. */
    @ArchTest
    static final ArchRule engineUsesOnlyTheModel = noClasses()
            .that()
            .resideInAnyPackage("dev.trustmap.istio..", "dev.trustmap.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.trustmap.analysis..", "dev.trustmap.source..", "dev.trustmap.export..", "dev.trustmap.cli..");

    /** Whole-mesh analysis (workspace persistence aside, see ADR 4) does not read sources or write exports. */
    @ArchTest
    static final ArchRule analysisSitsOnTheEngine = noClasses()
            .that()
            .resideInAPackage("dev.trustmap.analysis..")
            .and()
            .resideOutsideOfPackage("dev.trustmap.analysis.workspace..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.trustmap.source..", "dev.trustmap.export..", "dev.trustmap.cli..");
}
