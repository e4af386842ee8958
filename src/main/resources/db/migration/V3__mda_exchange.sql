-- Every request packet OneDoor sends to an MDA system. The id is fixed when the exchange starts, before the
-- first attempt, so that every retry carries it and the MDA can drop duplicates. Inbound answers lock this row:
-- an answer racing the send's commit waits for it instead of missing the waiting process instance.
create table mda_delivery (
    packet_id       varchar(36)  primary key,
    tracking_number varchar(32)  not null,
    mda_code        varchar(64)  not null,
    prepared_at     timestamp with time zone not null,
    sent_at         timestamp with time zone,
    mda_case_number varchar(100),
    mda_expected_by date
);

create index mda_delivery_tracking on mda_delivery (tracking_number);

-- What MDA systems answered (acknowledgement, decision, status). An answer the process could not take yet
-- stays with settled_at null until the relay hands it over, or finds that no process waits for it any more
-- (another MDA's rejection ended the request first): nothing an MDA sent is lost or left hanging.
create table mda_answer (
    packet_id         varchar(36)   primary key,
    request_packet_id varchar(36)   not null references mda_delivery (packet_id),
    packet_type       varchar(32)   not null,
    outcome           varchar(32)   not null,
    reason            varchar(2000),
    received_at       timestamp with time zone not null,
    settled_at        timestamp with time zone
);

create index mda_answer_request on mda_answer (request_packet_id);
create index mda_answer_pending on mda_answer (settled_at, received_at);

-- Documents an MDA sent with its answer (an issued licence, say), stored by digest in document_content.
create table mda_answer_document (
    packet_id  varchar(36)  not null references mda_answer (packet_id),
    name       varchar(100) not null,
    media_type varchar(100) not null,
    size_bytes bigint       not null,
    sha256     char(64)     not null references document_content (sha256),
    primary key (packet_id, name)
);
