-- Packet ids accepted from other parties: a replayed id is refused, also after a restart.
create table seen_packet (
    packet_id varchar(36)  primary key,
    sender    varchar(64)  not null,
    seen_at   timestamp with time zone not null
);

-- The non-repudiation record: every packet sent or received, with its signature, in a hash chain.
-- chain_hash = SHA-256(previous row's chain_hash || content_hash); editing any past row breaks the chain there.
create table message_log (
    id              bigint       primary key,
    logged_at       timestamp with time zone not null,
    direction       varchar(3)   not null,
    party           varchar(64)  not null,
    packet_id       varchar(36)  not null,
    packet_type     varchar(32)  not null,
    tracking_number varchar(32),
    manifest        bytea        not null,
    signature       bytea        not null,
    content_hash    char(64)     not null,
    chain_hash      char(64)     not null
);

create index message_log_packet on message_log (packet_id);

-- One row: the chain's head. Appenders lock it, so rows are chained in one order across all nodes.
create table message_log_head (
    id         int      primary key,
    last_id    bigint   not null,
    chain_hash char(64) not null
);

insert into message_log_head (id, last_id, chain_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
