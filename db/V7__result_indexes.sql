-- Issue 15: the service page filters, sorts and pages over all of a service's results in the database. These
-- indexes give each answer's results in listing order (show=day/night/errors) and every result by confidence,
-- so a page reads its rows from an index instead of sorting the service's results. Sorting by name still
-- sorts (Image is TEXT, which no index can order); docs/measurements.md gives its cost.
CREATE INDEX service_results_result ON service_results (ServiceID, Result, Seq);
CREATE INDEX service_results_confidence ON service_results (ServiceID, Confidence, Seq);
