-- The citizen's rating of a decided request: one per request, 1 to 5 with an optional comment, changeable for 30
-- days after it was first given. The MDAs and officers it counts for are the request's legs and their deciders.
create table feedback (
    tracking_number varchar(32)   primary key references service_request (tracking_number),
    rating          int           not null,
    comment         varchar(2000),
    first_given_at  timestamp with time zone not null,
    given_at        timestamp with time zone not null,
    constraint feedback_rating check (rating between 1 and 5)
);

create index feedback_given on feedback (first_given_at);

-- A grievance about a request, against the MDA that held the file, worked in the Grievance process: OPEN with the
-- MDA's grievance redress officer (due_by, 30 working days), ANSWERED (the citizen may appeal until appeal_by),
-- APPEALED with the appellate officer (appeal_due_by), CLOSED (answered and not appealed in time, or the appeal
-- decided). escalations counts the steps taken on it while late.
create table grievance (
    id                 varchar(36)   primary key,
    tracking_number    varchar(32)   not null references service_request (tracking_number),
    mda_code           varchar(64)   not null,
    channel            varchar(16)   not null,
    filed_by           varchar(64)   not null,
    complaint          varchar(4000) not null,
    filed_at           timestamp with time zone not null,
    due_by             date          not null,
    state              varchar(16)   not null,
    answer             varchar(4000),
    answered_at        timestamp with time zone,
    answered_by        varchar(64),
    appeal_by          date,
    appeal             varchar(4000),
    appealed_at        timestamp with time zone,
    appeal_due_by      date,
    appeal_decision    varchar(4000),
    appeal_decided_at  timestamp with time zone,
    appeal_decided_by  varchar(64),
    closed_at          timestamp with time zone,
    escalations        int           default 0 not null
);

create index grievance_request on grievance (tracking_number);
create index grievance_mda on grievance (mda_code, filed_at);

-- Documents the citizen gave with a grievance (stored like a filing's).
create table grievance_document (
    grievance_id varchar(36)  not null references grievance (id),
    file_name    varchar(255) not null,
    media_type   varchar(128) not null,
    size_bytes   bigint       not null,
    sha256       char(64)     not null references document_content (sha256),
    primary key (grievance_id, sha256)
);
