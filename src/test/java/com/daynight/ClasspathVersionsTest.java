package com.daynight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.Version;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Jackson modules of different versions fail at run time (NoSuchMethodError) on paths tests may never reach;
 * the pom imports jackson-bom so that every module on the class path is of one version.
 */
class ClasspathVersionsTest {

    @Test
    void everyJacksonModuleHasOneVersion() {
        List<Version> versions = List.of(
                com.fasterxml.jackson.core.json.PackageVersion.VERSION,
                com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION,
                com.fasterxml.jackson.dataformat.csv.PackageVersion.VERSION,
                com.fasterxml.jackson.dataformat.xml.PackageVersion.VERSION,
                com.fasterxml.jackson.datatype.jsr310.PackageVersion.VERSION);
        Set<String> distinct = versions.stream().map(Version::toString).collect(Collectors.toSet());
        assertEquals(1, distinct.size(), "Jackson modules: " + distinct);
    }
}
