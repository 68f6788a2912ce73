package com.daynight.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BucketInputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "holiday|holiday",
        "'  holiday  '|holiday",
        "gs://holiday|holiday",
        "gs://holiday/|holiday",
        "' GS://holiday/ '|holiday",
        "'gs:// holiday'|holiday",
        "gs://holiday/photos|holiday/photos",
        "holiday//|holiday//",
        "gs://|''",
    })
    void takesTheBucketsNameAsPeopleTypeIt(String typed, String name) {
        assertEquals(name, BucketInput.normalised(typed));
    }

    @Test
    void absentStaysAbsentForTheRequiredMessage() {
        assertNull(BucketInput.normalised(null));
    }
}
