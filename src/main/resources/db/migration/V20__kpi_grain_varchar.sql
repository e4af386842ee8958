-- A char(1) column compared with a varchar parameter (what JDBC sends) is cast to text, and PostgreSQL then uses no
-- index for it: every update of a total scanned kpi_count. varchar(1) compares as sent (docs/benchmarks.md).
alter table kpi_count alter column grain set data type varchar(1);
