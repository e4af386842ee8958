-- The priority the front desk gave a request (elderly, disabled, ...): a shorter SLA, and first in the task lists.
alter table service_request add column priority varchar(64);
