package com.daynight.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.daynight.DayNightApp;
import org.junit.jupiter.api.Test;

/** The launcher cannot see the webapp's classes at run time, so it repeats two names; they must stay equal. */
class EmbeddedServerTest {

    @Test
    void theLauncherAndTheWebappNameTheFailedStartAlike() {
        assertEquals(DayNightApp.REPORT_FAILURE_PARAM, EmbeddedServer.REPORT_FAILURE_PARAM);
        assertEquals(DayNightApp.STARTUP_FAILURE, EmbeddedServer.STARTUP_FAILURE);
    }
}
