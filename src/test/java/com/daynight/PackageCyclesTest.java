package com.daynight;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No two packages of the product depend on each other, directly or round a longer loop: each package is its
 * own slice ("classify" and "classify.jpeg" apart), as {@code jdeps -verbose:package} sees them.
 */
class PackageCyclesTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.daynight");

    @Test
    void noPackageCycles() {
        slices().matching("com.daynight.(**)").should().beFreeOfCycles().check(PRODUCT);
    }
}
