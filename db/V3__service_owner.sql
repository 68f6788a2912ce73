-- Issue 13: a service belongs to the verified principal that submitted it (an e-mail address is at most 320
-- characters). Rows from before have no owner: NULL, which only admins see. UserName stays what was typed.
ALTER TABLE services
    ADD COLUMN Owner VARCHAR(320) NULL;
CREATE INDEX services_owner_time ON services (Owner, ServiceRequestTime);
