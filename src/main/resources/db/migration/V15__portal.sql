-- The portal's one-time codes: sent by SMS to the number a citizen gives, so that they file from home as that
-- number's owner. Only a hash of each code is kept. The limits count these rows, so they hold on every node.
create table portal_code (
    id          varchar(36)  primary key,
    phone       varchar(16)  not null,
    code_hash   varchar(64)  not null,
    client      varchar(64)  not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    attempts    int          not null,
    used_at     timestamp with time zone
);

create index portal_code_phone on portal_code (phone, created_at);
create index portal_code_client on portal_code (client, created_at);
-- The portal's filings per number and day (received_by is portal:<number>).
create index service_request_received_by on service_request (received_by, received_at);
