package com.daynight.submission;

import com.daynight.persistence.QueueAdmission;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Takes a submission: validates it, draws a fresh ServiceID and inserts the queued row.
 * Nothing else happens on the request's path; workers claim the row from the database.
 */
public class SubmissionService {

    /** 36^8 ids make a collision rare; a few retries make a failure to find a free one practically impossible. */
    static final int MAX_ID_ATTEMPTS = 5;

    private final QueueAdmission admission;
    private final Function<String, Optional<String>> bucketNameProblem;
    private final Supplier<String> ids;
    private final Runnable onSubmitted;

    /**
     * @param bucketNameProblem the image store's bucket naming rules ({@code ImageStore::bucketNameProblem})
     * @param onSubmitted called after each insert, so this instance's idle workers look at the queue at once
     */
    public SubmissionService(QueueAdmission admission, Function<String, Optional<String>> bucketNameProblem,
                             Supplier<String> ids, Runnable onSubmitted) {
        this.admission = admission;
        this.bucketNameProblem = bucketNameProblem;
        this.ids = ids;
        this.onSubmitted = onSubmitted;
    }

    /**
     * @return the new ServiceID
     * @throws ValidationException when a field breaks its rule
     * @throws ServiceUnavailableException when the database cannot be reached or the queue is full
     */
    public String submit(String userName, String bucket) {
        SubmissionValidator.validate(userName, bucket, bucketNameProblem);
        try {
            for (int attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
                String id = ids.get();
                switch (admission.admit(id, userName, bucket)) {
                    case QUEUED -> {
                        onSubmitted.run();
                        return id;
                    }
                    case QUEUE_FULL -> throw new ServiceUnavailableException(
                            "the queue is full (" + admission.limit() + " services wait)", null);
                    case ID_TAKEN -> {
                        // drawn again
                    }
                }
            }
        } catch (SQLException e) {
            throw new ServiceUnavailableException("the database cannot be reached", e);
        }
        throw new ServiceUnavailableException("no free ServiceID after " + MAX_ID_ATTEMPTS + " attempts", null);
    }
}
