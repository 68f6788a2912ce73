package com.daynight.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.daynight.persistence.ServiceRepository;
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

@ExtendWith(MockitoExtension.class)
class SubmissionServiceTest {

    private static final String USER = "Michael Jordan";
    private static final String BUCKET = "my-photos";
    private static final int LIMIT = 100;

    @Mock
    ServiceRepository repository;

    @Mock
    Runnable onSubmitted;

    private static Supplier<String> ids(String... values) {
        Iterator<String> it = List.of(values).iterator();
        return it::next;
    }

    private SubmissionService service(Supplier<String> ids) {
        return new SubmissionService(repository, ids, LIMIT, onSubmitted);
    }

    @Test
    void insertsAndReturnsTheId() throws SQLException {
        when(repository.countQueued()).thenReturn(0);
        when(repository.insertQueued("BK98GPW5", USER, BUCKET)).thenReturn(true);

        assertEquals("BK98GPW5", service(ids("BK98GPW5")).submit(USER, BUCKET));

        InOrder order = inOrder(repository, onSubmitted);
        order.verify(repository).countQueued();
        order.verify(repository).insertQueued("BK98GPW5", USER, BUCKET);
        order.verify(onSubmitted).run();
        verifyNoMoreInteractions(repository, onSubmitted);
    }

    @Test
    void collisionRetriesWithTheNextDistinctId() throws SQLException {
        when(repository.countQueued()).thenReturn(3);
        when(repository.insertQueued("AAAAAAAA", USER, BUCKET)).thenReturn(false);
        when(repository.insertQueued("BBBBBBBB", USER, BUCKET)).thenReturn(true);

        String id = service(ids("AAAAAAAA", "AAAAAAAA", "BBBBBBBB")).submit(USER, BUCKET);

        assertEquals("BBBBBBBB", id);
        verify(repository, times(2)).insertQueued("AAAAAAAA", USER, BUCKET);
        verify(repository).insertQueued("BBBBBBBB", USER, BUCKET);
        verify(onSubmitted, times(1)).run();
    }

    @Test
    void fiveCollisionsInARowMeanUnavailable() throws SQLException {
        when(repository.countQueued()).thenReturn(0);
        when(repository.insertQueued(anyString(), eq(USER), eq(BUCKET))).thenReturn(false);

        SubmissionService s = service(ids("AAAAAAA1", "AAAAAAA2", "AAAAAAA3", "AAAAAAA4", "AAAAAAA5", "AAAAAAA6"));
        assertThrows(ServiceUnavailableException.class, () -> s.submit(USER, BUCKET));

        verify(repository, times(SubmissionService.MAX_ID_ATTEMPTS)).insertQueued(anyString(), eq(USER), eq(BUCKET));
        verify(repository, never()).insertQueued(eq("AAAAAAA6"), anyString(), anyString());
        verifyNoInteractions(onSubmitted);
    }

    @Test
    void databaseErrorOnInsertMeansUnavailableAndNothingFurther() throws SQLException {
        SQLException down = new SQLException("connection refused");
        when(repository.countQueued()).thenReturn(0);
        when(repository.insertQueued("AAAAAAAA", USER, BUCKET)).thenThrow(down);

        SubmissionService s = service(ids("AAAAAAAA", "BBBBBBBB"));
        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class, () -> s.submit(USER, BUCKET));

        assertSame(down, e.getCause());
        verify(repository).countQueued();
        verify(repository).insertQueued("AAAAAAAA", USER, BUCKET);
        verifyNoMoreInteractions(repository);
        verifyNoInteractions(onSubmitted);
    }

    @Test
    void databaseErrorOnCountMeansUnavailableAndNoInsert() throws SQLException {
        SQLException down = new SQLException("connection refused");
        when(repository.countQueued()).thenThrow(down);

        SubmissionService s = service(ids("AAAAAAAA"));
        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class, () -> s.submit(USER, BUCKET));

        assertSame(down, e.getCause());
        verify(repository).countQueued();
        verifyNoMoreInteractions(repository);
        verifyNoInteractions(onSubmitted);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {LIMIT, LIMIT + 1, 5 * LIMIT})
    void fullQueueMeansUnavailableAndNoInsert(int queued) throws SQLException {
        when(repository.countQueued()).thenReturn(queued);

        SubmissionService s = service(ids("AAAAAAAA"));
        assertThrows(ServiceUnavailableException.class, () -> s.submit(USER, BUCKET));

        verify(repository).countQueued();
        verifyNoMoreInteractions(repository);
        verifyNoInteractions(onSubmitted);
    }

    @Test
    void queueJustBelowTheLimitStillTakesTheService() throws SQLException {
        when(repository.countQueued()).thenReturn(LIMIT - 1);
        when(repository.insertQueued("AAAAAAAA", USER, BUCKET)).thenReturn(true);

        assertEquals("AAAAAAAA", service(ids("AAAAAAAA")).submit(USER, BUCKET));
        verify(onSubmitted).run();
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
    void invalidInputNeverTouchesTheRepository(String userName, String bucket, String field) {
        SubmissionService s = service(ids("AAAAAAAA"));
        ValidationException e = assertThrows(ValidationException.class, () -> s.submit(userName, bucket));

        assertEquals(field, e.field());
        verifyNoInteractions(repository, onSubmitted);
    }
}
