-- A service whose storage stopped answering is handed back with a time before which no instance takes it
-- (exponential backoff), and the problem is kept so that, if it is finally given up, Error says why.
ALTER TABLE services
    ADD COLUMN NotBefore   DATETIME(3)   NULL,
    ADD COLUMN LastProblem VARCHAR(1000) NULL;
