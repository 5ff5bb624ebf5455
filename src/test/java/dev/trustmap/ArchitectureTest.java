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
}
