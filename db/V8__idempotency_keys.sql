-- Issue 15: a repeated submission (a reload, a double click, a script's retry) that carries the same
-- Idempotency-Key, or the form's own token, answers the ServiceID of the first instead of queueing another.
-- KeyHash is the SHA-256 (hex) of the key with its scope: the principal, the user name and the bucket, so one
-- user's key never finds another's service and the key's length is bounded whatever the client sends.
-- The primary key makes a duplicate insert fail even if two admissions ever raced past the queue's lock.
CREATE TABLE idempotency_keys (
    KeyHash     CHAR(64)    NOT NULL PRIMARY KEY,
    ServiceID   CHAR(8)     NOT NULL,
    CreatedTime DATETIME(3) NOT NULL,
    CONSTRAINT idempotency_keys_service FOREIGN KEY (ServiceID) REFERENCES services (ServiceID) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
