-- Each node's outbox sweep (every 2 s) reads back the messages it just claimed by their claim: without an index that
-- read every notification ever sent (two per news of every request: 2.2 million at a million requests). Only the
-- few claimed rows are in the index.
create index notification_claimed on notification (claim) where claim is not null;
