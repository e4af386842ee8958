-- The receipt OneDoor signed for each answer: an MDA that resends the same answer (its response was lost) gets
-- that very receipt again.
alter table mda_answer add column receipt_packet_id varchar(36);
