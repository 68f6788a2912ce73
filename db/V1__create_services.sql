-- The services table of the contract, plus the work queue's claim columns and the per-image results
-- that give progress while a service runs and let a re-claimed service resume where it stopped.
CREATE TABLE services (
    ServiceID          CHAR(8)      NOT NULL,
    UserName           VARCHAR(100) NOT NULL,
    Bucket             VARCHAR(222) NOT NULL,
    ServiceRequestTime DATETIME(3)  NOT NULL,
    ServiceStartTime   DATETIME(3)  NULL,
    Status             VARCHAR(10)  NOT NULL,
    ServiceEndTime     DATETIME(3)  NULL,
    Results            JSON         NULL,
    Error              TEXT         NULL,
    ImagesTotal        INT          NULL,
    ClaimedBy          VARCHAR(100) NULL,
    HeartbeatAt        DATETIME(3)  NULL,
    Attempts           INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (ServiceID),
    INDEX services_queue (Status, ServiceRequestTime),
    INDEX services_user (UserName, ServiceRequestTime)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE service_results (
    ServiceID  CHAR(8)       NOT NULL,
    Seq        INT           NOT NULL,
    Image      VARCHAR(1024) NOT NULL,
    Result     VARCHAR(5)    NOT NULL,
    Confidence DOUBLE        NULL,
    Error      VARCHAR(1000) NULL,
    PRIMARY KEY (ServiceID, Seq),
    CONSTRAINT service_results_service FOREIGN KEY (ServiceID) REFERENCES services (ServiceID) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
