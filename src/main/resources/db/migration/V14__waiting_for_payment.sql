-- A service whose catalogue entry says so (fee.payBeforeProcessing) is worked only once its fee is paid: a request
-- filed unpaid waits in WAITING_FOR_PAYMENT; the payment makes it RECEIVED in full, and its process starts. While it
-- waits, the applicant may withdraw it and an administrator may cancel it.
insert into lifecycle_transition (entity, from_state, to_state) values
    ('request', 'RECEIVED', 'WAITING_FOR_PAYMENT'),
    ('request', 'WAITING_FOR_PAYMENT', 'RECEIVED'),
    ('request', 'WAITING_FOR_PAYMENT', 'WITHDRAWN'),
    ('request', 'WAITING_FOR_PAYMENT', 'CANCELLED');

-- When the request was released to be worked: at filing, or at the payment it waited for (null while it waits).
alter table service_request add column released_at timestamp with time zone;
update service_request set released_at = received_at;
