package com.daynight.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.daynight.persistence.QueueAdmission;
import com.daynight.storage.GcsBucketNames;
import com.daynight.persistence.QueueAdmission.Outcome;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** The submission's path around a stand-in queue; QueueAdmissionIT holds the limit against a real database. */
@ExtendWith(MockitoExtension.class)
class SubmissionServiceTest {

    private static final String USER = "Michael Jordan";
    private static final String BUCKET = "my-photos";
    private static final String OWNER = "mj@example.com";

    @Mock
    QueueAdmission admission;

    @Mock
    Runnable onSubmitted;

    private static Supplier<String> ids(String... values) {
        Iterator<String> it = List.of(values).iterator();
        return it::next;
    }

    private SubmissionService service(Supplier<String> ids) {
        return new SubmissionService(admission, GcsBucketNames::ruleBroken, ids, onSubmitted);
    }

    @Test
    void aRepeatedKeyAnswersTheFirstServiceAndQueuesNothing() throws SQLException {
        String hash = IdempotencyKey.scopedHash("k1", OWNER, USER, BUCKET);
        when(admission.admit("NEWID001", USER, BUCKET, OWNER, hash))
                .thenReturn(new QueueAdmission.Admission(Outcome.REPEATED, "FIRST001"));
        assertEquals("FIRST001", service(ids("NEWID001")).submit(OWNER, USER, " gs://" + BUCKET + "/ ", "k1"));
        verifyNoInteractions(onSubmitted);
    }

    @Test
    void queuesAndReturnsTheId() throws SQLException {
        when(admission.admit("BK98GPW5", USER, BUCKET, OWNER)).thenReturn(Outcome.QUEUED);

        assertEquals("BK98GPW5", service(ids("BK98GPW5")).submit(OWNER, USER, BUCKET));

        InOrder order = inOrder(admission, onSubmitted);
        order.verify(admission).admit("BK98GPW5", USER, BUCKET, OWNER);
        order.verify(onSubmitted).run();
        verifyNoMoreInteractions(admission, onSubmitted);
    }

    @Test
    void aTakenIdIsDrawnAgain() throws SQLException {
        when(admission.admit("AAAAAAAA", USER, BUCKET, OWNER)).thenReturn(Outcome.ID_TAKEN);
        when(admission.admit("BBBBBBBB", USER, BUCKET, OWNER)).thenReturn(Outcome.QUEUED);

        assertEquals("BBBBBBBB", service(ids("AAAAAAAA", "AAAAAAAA", "BBBBBBBB")).submit(OWNER, USER, BUCKET));

        verify(admission, times(2)).admit("AAAAAAAA", USER, BUCKET, OWNER);
        verify(onSubmitted).run();
    }

    @Test
    void fiveCollisionsInARowMeanUnavailable() throws SQLException {
        when(admission.admit(anyString(), eq(USER), eq(BUCKET), eq(OWNER))).thenReturn(Outcome.ID_TAKEN);

        SubmissionService s = service(ids("AAAAAAA1", "AAAAAAA2", "AAAAAAA3", "AAAAAAA4", "AAAAAAA5", "AAAAAAA6"));
        assertThrows(ServiceUnavailableException.class, () -> s.submit(OWNER, USER, BUCKET));

        verify(admission, times(SubmissionService.MAX_ID_ATTEMPTS)).admit(anyString(), eq(USER), eq(BUCKET), eq(OWNER));
        verify(admission, never()).admit(eq("AAAAAAA6"), anyString(), anyString(), anyString());
        verifyNoInteractions(onSubmitted);
    }

    @Test
    void aFullQueueMeansUnavailableAtOnce() throws SQLException {
        when(admission.admit("AAAAAAAA", USER, BUCKET, OWNER)).thenReturn(Outcome.QUEUE_FULL);
        when(admission.limit()).thenReturn(20);

        SubmissionService s = service(ids("AAAAAAAA", "BBBBBBBB"));
        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class, () -> s.submit(OWNER, USER, BUCKET));

        assertTrue(e.getMessage().contains("the queue is full (20 services wait)"), e.getMessage());
        verify(admission).admit("AAAAAAAA", USER, BUCKET, OWNER);
        verify(admission, never()).admit(eq("BBBBBBBB"), anyString(), anyString(), anyString());
        verifyNoInteractions(onSubmitted);
    }

    @Test
    void aDatabaseErrorMeansUnavailableAndNothingFurther() throws SQLException {
        SQLException down = new SQLException("connection refused");
        when(admission.admit("AAAAAAAA", USER, BUCKET, OWNER)).thenThrow(down);

        SubmissionService s = service(ids("AAAAAAAA", "BBBBBBBB"));
        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class, () -> s.submit(OWNER, USER, BUCKET));

        assertSame(down, e.getCause());
        verify(admission).admit("AAAAAAAA", USER, BUCKET, OWNER);
        verifyNoMoreInteractions(admission);
        verifyNoInteractions(onSubmitted);
    }

    static Stream<Arguments> invalidInput() {
        return Stream.of(
                Arguments.of(null, BUCKET, "userName"),
                Arguments.of("", BUCKET, "userName"),
                Arguments.of("bad\nname", BUCKET, "userName"),
                Arguments.of("x".repeat(101), BUCKET, "userName"),
                Arguments.of(USER, null, "bucket"),
                Arguments.of(USER, "UPPER", "bucket"),
                Arguments.of(USER, "google-photos", "bucket"));
    }

    @ParameterizedTest
    @MethodSource("invalidInput")
    void invalidInputNeverTouchesTheQueue(String userName, String bucket, String field) {
        SubmissionService s = service(ids("AAAAAAAA"));
        ValidationException e = assertThrows(ValidationException.class, () -> s.submit(OWNER, userName, bucket));

        assertEquals(field, e.field());
        verifyNoInteractions(admission, onSubmitted);
    }

    @Test
    void aRefusedBucketIsNeverQueuedAndReadsAsNotFoundOrNotAllowed() throws SQLException {
        SubmissionService s = new SubmissionService(admission, GcsBucketNames::ruleBroken,
                (principal, bucket) -> java.util.Optional.of("no rule"), ids("AAAAAAAA"), onSubmitted);
        BucketRefusedException e = assertThrows(BucketRefusedException.class, () -> s.submit(OWNER, USER, BUCKET));
        assertEquals("bucket", e.field());
        assertEquals("bucket not found or not allowed", e.getMessage());
        verifyNoInteractions(admission, onSubmitted);
    }

    @Test
    void withoutAPrincipalNothingIsQueued() {
        assertThrows(BucketRefusedException.class, () -> service(ids("AAAAAAAA")).submit(null, USER, BUCKET));
        verifyNoInteractions(admission, onSubmitted);
    }

    @Test
    void theOwnersOwnLimitIsTheirs() throws SQLException {
        when(admission.admit("AAAAAAAA", USER, BUCKET, OWNER)).thenReturn(Outcome.USER_QUEUE_FULL);
        when(admission.userLimit()).thenReturn(3);
        UserQueueFullException e = assertThrows(UserQueueFullException.class,
                () -> service(ids("AAAAAAAA")).submit(OWNER, USER, BUCKET));
        assertTrue(e.getMessage().contains("3 services waiting, your own limit"), e.getMessage());
        verifyNoInteractions(onSubmitted);
    }
}
