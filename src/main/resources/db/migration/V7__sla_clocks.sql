-- A leg's clock runs from the moment its MDA has it (the first change out of PLANNED) until its final state.
alter table request_leg add column started_at timestamp with time zone;
alter table request_leg add column ended_at timestamp with time zone;

update request_leg set started_at = (select c.changed_at from leg_state_change c
    where c.tracking_number = request_leg.tracking_number and c.mda_code = request_leg.mda_code and c.seq = 2);
update request_leg set ended_at = (select c.changed_at from leg_state_change c
    where c.tracking_number = request_leg.tracking_number and c.mda_code = request_leg.mda_code and c.seq = request_leg.seq)
    where state in ('APPROVED', 'REJECTED', 'CANCELLED');

-- Public holidays an administrator added while OneDoor runs (onedoor.calendar.holidays holds the ones known ahead).
create table public_holiday (
    holiday  date          primary key,
    name     varchar(200)  not null,
    added_by varchar(64)   not null,
    added_at timestamp with time zone not null
);
