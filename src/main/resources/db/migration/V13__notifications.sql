-- The language the applicant reads OneDoor's messages in (en or bn), chosen at the counter.
alter table service_request add column applicant_language varchar(2) default 'bn' not null;
-- How the request reached OneDoor: counter, call-centre or social-media (entered by an officer).
alter table service_request add column channel varchar(16) default 'counter' not null;

-- The outbox: one message per change the citizen hears of and per channel they have, queued in the transaction of
-- the change. Sent by whichever node claims it (claim, claimed_until); SENT is final, FAILED waits for an
-- administrator to resend. The id is the message id the gateway and the mail carry, so a resend after a crash
-- between sending and marking is recognisable as the same message.
create table notification (
    id              varchar(36)   not null primary key,
    tracking_number varchar(32)   not null references service_request (tracking_number),
    event_id        bigint        not null,
    channel         varchar(8)    not null,
    recipient       varchar(200)  not null,
    language        varchar(2)    not null,
    subject         varchar(300),
    body            varchar(8000) not null,
    created_at      timestamp with time zone not null,
    status          varchar(8)    not null,
    attempts        int           not null,
    next_attempt_at timestamp with time zone not null,
    claim           varchar(36),
    claimed_until   timestamp with time zone,
    last_error      varchar(500),
    sent_at         timestamp with time zone,
    constraint notification_once unique (event_id, channel)
);

create index notification_due on notification (status, next_attempt_at);
create index notification_request on notification (tracking_number);

-- The fee as the counter took it with the filing: a reference (the counter's receipt number, an e-Challan's or a
-- mobile payment's) is used once.
create table payment (
    tracking_number varchar(32)   not null primary key references service_request (tracking_number),
    method          varchar(16)   not null,
    reference       varchar(40)   not null,
    amount          decimal(12, 2) not null,
    currency        varchar(3)    not null,
    recorded_at     timestamp with time zone not null,
    recorded_by     varchar(64)   not null,
    constraint payment_reference_once unique (method, reference)
);
