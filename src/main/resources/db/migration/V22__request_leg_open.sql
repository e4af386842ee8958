-- The supervisors' late parts (GET /api/supervisor/late-legs) start from the MDAs' parts still running: without an
-- index that read every part ever filed (170 ms over 1.65 million parts, the growth benchmark's count, 0.5 % running;
-- 28 ms with it, 0.3 ms for one MDA). It costs an entry when a part is filed and one when it ends.
create index request_leg_open on request_leg (ended_at, mda_code, tracking_number);
