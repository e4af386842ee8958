-- One grievance at a time per request and office, also when two are filed at the same moment: open_against is the
-- office while the grievance is not CLOSED, null after (nulls are distinct in a unique index, on H2 and PostgreSQL).
alter table grievance add column open_against varchar(64);
update grievance set open_against = mda_code where state <> 'CLOSED';
create unique index grievance_open_once on grievance (tracking_number, open_against);
