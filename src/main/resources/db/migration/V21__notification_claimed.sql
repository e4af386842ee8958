-- Each node's outbox sweep (every 2 s) reads back the messages it just claimed by their claim: without an index it
-- read every notification ever sent, an SMS and an e-mail per news of every request (2.2 million in the growth
-- benchmark's million requests).
create index notification_claimed on notification (claim);
