-- Issue 14: a bucket may hold more than 2^31 JPEGs. The results' sequence number (their place in the listing)
-- and the services' ImagesTotal become BIGINT (up to 9.2e18); the Java side reads and writes them as long.
-- ImagesDone is counted by the queries (COUNT(*), a BIGINT already); Attempts stays INT (at most 5).
ALTER TABLE service_results
    MODIFY COLUMN Seq BIGINT NOT NULL;
ALTER TABLE services
    MODIFY COLUMN ImagesTotal BIGINT NULL;
