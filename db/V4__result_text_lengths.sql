-- Issue 13: an object name or an error text of any length must not fail a service. GCS names are at most
-- 1,024 bytes, but a local bucket's nested folders make longer ones, and an error text may quote a name.
-- Both become TEXT (65,535 bytes); persistence/ResultText keeps what it stores within the limits below
-- (4,096 and 2,000 characters), shortening longer text with a marker and a hash of the whole.
ALTER TABLE service_results
    MODIFY COLUMN Image TEXT NOT NULL,
    MODIFY COLUMN Error TEXT NULL;
