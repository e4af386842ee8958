-- An officer's absence and who acts for them; each task handed to the acting officer, and whether it went back.
create table officer_absence (
    id             varchar(36)   primary key,
    mda_code       varchar(64)   not null,
    officer        varchar(64)   not null,
    starts_on      date          not null,
    ends_on        date          not null,
    acting_officer varchar(64)   not null,
    reason         varchar(500),
    recorded_by    varchar(64)   not null,
    recorded_at    timestamp with time zone not null,
    cancelled_at   timestamp with time zone
);

create index officer_absence_officer on officer_absence (officer, starts_on);

create table absence_handover (
    absence_id      varchar(36)  not null references officer_absence (id),
    task_id         varchar(64)  not null,
    tracking_number varchar(32)  not null,
    handed_at       timestamp with time zone not null,
    returned_at     timestamp with time zone,
    primary key (absence_id, task_id)
);
