-- One row per number that asked for a portal code: the lock that makes two requests for one number wait for each
-- other, so that the limits hold under a burst.
create table portal_number (
    phone varchar(16) primary key
);

-- Each wrong code typed, by client address: a client that guesses codes for many numbers is stopped too.
create table portal_refusal (
    client     varchar(64) not null,
    refused_at timestamp with time zone not null
);

create index portal_refusal_client on portal_refusal (client, refused_at);
