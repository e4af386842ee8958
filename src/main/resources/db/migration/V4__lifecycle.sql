-- The lifecycle of a request and of each MDA's part of it (a leg), kept by the database itself: every change of
-- state is a row that must follow the previous one by an allowed transition (lifecycle_transition), and a row may
-- have one successor only. A final state has no allowed successor, so no code path can leave it.

create table lifecycle_transition (
    entity     varchar(8)  not null,
    from_state varchar(24) not null,
    to_state   varchar(24) not null,
    primary key (entity, from_state, to_state)
);

-- Request: RECEIVED, IN_PROGRESS, WAITING_FOR_APPLICANT, then exactly one of APPROVED, REJECTED, WITHDRAWN, CANCELLED.
-- The same table is in org.onedoor.lifecycle.RequestState; OneDoor refuses to start if the two differ.
insert into lifecycle_transition (entity, from_state, to_state) values
    ('request', 'RECEIVED', 'IN_PROGRESS'),
    ('request', 'RECEIVED', 'WITHDRAWN'),
    ('request', 'RECEIVED', 'CANCELLED'),
    ('request', 'IN_PROGRESS', 'WAITING_FOR_APPLICANT'),
    ('request', 'IN_PROGRESS', 'APPROVED'),
    ('request', 'IN_PROGRESS', 'REJECTED'),
    ('request', 'IN_PROGRESS', 'WITHDRAWN'),
    ('request', 'IN_PROGRESS', 'CANCELLED'),
    ('request', 'WAITING_FOR_APPLICANT', 'IN_PROGRESS'),
    ('request', 'WAITING_FOR_APPLICANT', 'REJECTED'),
    ('request', 'WAITING_FOR_APPLICANT', 'WITHDRAWN'),
    ('request', 'WAITING_FOR_APPLICANT', 'CANCELLED');

-- Leg: PLANNED by the routing, then PENDING (its packet is being sent to the MDA's system) and SENT, or IN_REVIEW
-- with the MDA's officers; ACKNOWLEDGED by the system with its case number; WAITING_FOR_APPLICANT while the MDA
-- waits for information; finally APPROVED, REJECTED or CANCELLED (the request ended elsewhere).
insert into lifecycle_transition (entity, from_state, to_state) values
    ('leg', 'PLANNED', 'PENDING'),
    ('leg', 'PLANNED', 'IN_REVIEW'),
    ('leg', 'PLANNED', 'CANCELLED'),
    ('leg', 'PENDING', 'SENT'),
    ('leg', 'PENDING', 'ACKNOWLEDGED'),
    ('leg', 'PENDING', 'WAITING_FOR_APPLICANT'),
    ('leg', 'PENDING', 'APPROVED'),
    ('leg', 'PENDING', 'REJECTED'),
    ('leg', 'PENDING', 'CANCELLED'),
    ('leg', 'SENT', 'ACKNOWLEDGED'),
    ('leg', 'SENT', 'WAITING_FOR_APPLICANT'),
    ('leg', 'SENT', 'APPROVED'),
    ('leg', 'SENT', 'REJECTED'),
    ('leg', 'SENT', 'CANCELLED'),
    ('leg', 'ACKNOWLEDGED', 'WAITING_FOR_APPLICANT'),
    ('leg', 'ACKNOWLEDGED', 'APPROVED'),
    ('leg', 'ACKNOWLEDGED', 'REJECTED'),
    ('leg', 'ACKNOWLEDGED', 'CANCELLED'),
    ('leg', 'IN_REVIEW', 'WAITING_FOR_APPLICANT'),
    ('leg', 'IN_REVIEW', 'APPROVED'),
    ('leg', 'IN_REVIEW', 'REJECTED'),
    ('leg', 'IN_REVIEW', 'CANCELLED'),
    ('leg', 'WAITING_FOR_APPLICANT', 'SENT'),
    ('leg', 'WAITING_FOR_APPLICANT', 'ACKNOWLEDGED'),
    ('leg', 'WAITING_FOR_APPLICANT', 'IN_REVIEW'),
    ('leg', 'WAITING_FOR_APPLICANT', 'APPROVED'),
    ('leg', 'WAITING_FOR_APPLICANT', 'REJECTED'),
    ('leg', 'WAITING_FOR_APPLICANT', 'CANCELLED');

-- Every state a request has been in, in order. Row 1 is RECEIVED; row n follows row n - 1 by an allowed transition.
create table request_state_change (
    tracking_number varchar(32)  not null references service_request (tracking_number),
    seq             int          not null,
    entity          varchar(8)   default 'request' not null,
    prev_seq        int,
    from_state      varchar(24),
    to_state        varchar(24)  not null,
    changed_at      timestamp with time zone not null,
    actor           varchar(64),
    reason          varchar(2000),
    primary key (tracking_number, seq),
    constraint request_change_one_successor unique (tracking_number, prev_seq),
    constraint request_change_target unique (tracking_number, seq, to_state),
    constraint request_change_entity check (entity = 'request'),
    constraint request_change_chain check ((seq = 1 and prev_seq is null and from_state is null and to_state = 'RECEIVED')
        or (seq > 1 and prev_seq = seq - 1 and from_state is not null)),
    constraint request_change_follows foreign key (tracking_number, prev_seq, from_state)
        references request_state_change (tracking_number, seq, to_state),
    constraint request_change_allowed foreign key (entity, from_state, to_state)
        references lifecycle_transition (entity, from_state, to_state)
);

-- Where each request stands now: always its last change.
create table request_lifecycle (
    tracking_number varchar(32)  primary key references service_request (tracking_number),
    seq             int          not null,
    state           varchar(24)  not null,
    constraint request_lifecycle_current foreign key (tracking_number, seq, state)
        references request_state_change (tracking_number, seq, to_state)
);

create index request_lifecycle_state on request_lifecycle (state);

-- The same for every leg.
create table leg_state_change (
    tracking_number varchar(32)  not null references service_request (tracking_number),
    mda_code        varchar(64)  not null,
    seq             int          not null,
    entity          varchar(8)   default 'leg' not null,
    prev_seq        int,
    from_state      varchar(24),
    to_state        varchar(24)  not null,
    changed_at      timestamp with time zone not null,
    actor           varchar(64),
    reason          varchar(2000),
    primary key (tracking_number, mda_code, seq),
    constraint leg_change_one_successor unique (tracking_number, mda_code, prev_seq),
    constraint leg_change_target unique (tracking_number, mda_code, seq, to_state),
    constraint leg_change_entity check (entity = 'leg'),
    constraint leg_change_chain check ((seq = 1 and prev_seq is null and from_state is null and to_state = 'PLANNED')
        or (seq > 1 and prev_seq = seq - 1 and from_state is not null)),
    constraint leg_change_follows foreign key (tracking_number, mda_code, prev_seq, from_state)
        references leg_state_change (tracking_number, mda_code, seq, to_state),
    constraint leg_change_allowed foreign key (entity, from_state, to_state)
        references lifecycle_transition (entity, from_state, to_state)
);

-- One row per MDA taking part in a request: where its part stands and what the MDA said.
create table request_leg (
    tracking_number varchar(32)  not null references service_request (tracking_number),
    mda_code        varchar(64)  not null,
    stage           int          not null,
    review_levels   int          not null,
    has_system      boolean      not null,
    seq             int          not null,
    state           varchar(24)  not null,
    mda_case_number varchar(100),
    mda_expected_by date,
    decision_reason varchar(2000),
    primary key (tracking_number, mda_code),
    constraint request_leg_current foreign key (tracking_number, mda_code, seq, state)
        references leg_state_change (tracking_number, mda_code, seq, to_state)
);

-- What an MDA asked the applicant for, and the answer. asked_at .. ended_at is an interval during which the leg
-- waits for the applicant (ended by the answer, by the MDA's decision, or by the end of the request).
create table information_request (
    id              varchar(36)   primary key,
    tracking_number varchar(32)   not null references service_request (tracking_number),
    mda_code        varchar(64)   not null,
    asked_by        varchar(64)   not null,
    asked_at        timestamp with time zone not null,
    question        varchar(2000) not null,
    documents       varchar(1000) not null,
    resumes_to      varchar(24)   not null,
    answered_at     timestamp with time zone,
    answered_by     varchar(64),
    answer          varchar(4000),
    ended_at        timestamp with time zone,
    end_reason      varchar(16)
);

create index information_request_leg on information_request (tracking_number, mda_code);

-- The documents the applicant brought with an answer, stored by digest in document_content.
create table information_document (
    request_id varchar(36)  not null references information_request (id),
    kind       varchar(64)  not null,
    file_name  varchar(255),
    media_type varchar(128) not null,
    size_bytes bigint       not null,
    sha256     char(64)     not null references document_content (sha256),
    primary key (request_id, kind)
);

-- The timeline now stores what happened (a kind and its facts); tracking words it in the citizen's language.
drop table tracking_event;

create table tracking_event (
    id              bigint generated by default as identity primary key,
    tracking_number varchar(32)  not null references service_request (tracking_number),
    occurred_at     timestamp with time zone not null,
    kind            varchar(32)  not null,
    mda_code        varchar(64),
    facts           varchar(4000) not null,
    after_outcome   boolean      not null,
    actor           varchar(64)
);

create index tracking_event_request on tracking_event (tracking_number, id);

-- Packets to MDA systems now also carry cancellations and the applicant's information; the MDA's case number and
-- date belong to its leg.
alter table mda_delivery add column packet_type varchar(32) default 'request' not null;
alter table mda_delivery add column in_reply_to varchar(36);
alter table mda_delivery drop column mda_case_number;
alter table mda_delivery drop column mda_expected_by;
create index mda_delivery_leg on mda_delivery (tracking_number, mda_code, packet_type);

-- Answers are handed to the engine by the workflow's own queue (leg_message); an answer after the request ended
-- is kept for the record and marked late.
drop index mda_answer_pending;
alter table mda_answer drop column settled_at;
alter table mda_answer add column late boolean default false not null;

-- Messages for a leg's process that may arrive before the process waits for them: delivered in order, once.
create table leg_message (
    id              bigint generated by default as identity primary key,
    tracking_number varchar(32)  not null,
    mda_code        varchar(64)  not null,
    message         varchar(64)  not null,
    variables       varchar(4000) not null,
    created_at      timestamp with time zone not null,
    delivered_at    timestamp with time zone
);

create index leg_message_pending on leg_message (delivered_at, id);
create index leg_message_leg on leg_message (tracking_number, mda_code, id);
