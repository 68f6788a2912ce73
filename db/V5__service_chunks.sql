-- Issue 14: one service, many instances. The instance listing a bucket cuts it into chunks, ranges of object
-- names [FirstName, EndBefore) as GCS lists them (startOffset, endOffset; NULL: the bucket's start or end),
-- every CHUNK_SIZE JPEGs; any instance claims a chunk with the same lease and
-- fencing as a service (Claims is the fencing token: every claim takes a new one). A chunk keeps how far it
-- got (DoneCount results, the last for LastDone), committed with its results, so a reclaimed chunk lists on
-- from there. ListingDone says the bucket was listed to its end: until then ImagesTotal is a lower bound.
CREATE TABLE service_chunks (
    ServiceID   CHAR(8)       NOT NULL,
    ChunkNo     INT           NOT NULL,
    FirstName   TEXT          NULL,
    EndBefore   TEXT          NULL,
    Status      VARCHAR(10)   NOT NULL DEFAULT 'open',
    ClaimedBy   VARCHAR(100)  NULL,
    HeartbeatAt DATETIME(3)   NULL,
    Claims      INT           NOT NULL DEFAULT 0,
    Attempts    INT           NOT NULL DEFAULT 0,
    NotBefore   DATETIME(3)   NULL,
    LastProblem VARCHAR(1000) NULL,
    DoneCount   INT           NOT NULL DEFAULT 0,
    LastDone    TEXT          NULL,
    PRIMARY KEY (ServiceID, ChunkNo),
    INDEX service_chunks_queue (Status, ChunkNo),
    CONSTRAINT service_chunks_service FOREIGN KEY (ServiceID) REFERENCES services (ServiceID) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE services
    ADD COLUMN ListingDone BOOLEAN NOT NULL DEFAULT FALSE;

-- A result's place in the listing across chunks: ChunkNo * 2^31 + its index in the chunk.
ALTER TABLE service_results
    MODIFY COLUMN Seq BIGINT NOT NULL;

-- Services that ended before chunks existed were listed whole.
UPDATE services SET ListingDone = TRUE WHERE Status IN ('finished', 'failed');
