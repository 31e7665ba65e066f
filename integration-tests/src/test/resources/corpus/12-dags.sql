-- Data access groups: the redcap_data_access_group column and meta.dags.

-- query: dags/group-counts
-- projects: dag, generated
SELECT redcap_data_access_group, COUNT(*) AS n FROM records GROUP BY redcap_data_access_group;

-- query: dags/filter-on-group
-- projects: dag
SELECT record_id, first_name FROM demographics WHERE redcap_data_access_group = 'daga';

-- query: dags/group-is-null
-- projects: generated
SELECT COUNT(*) FROM instrument_1 WHERE redcap_data_access_group IS NULL;

-- query: dags/join-meta-dags
-- projects: dag, generated
SELECT d.data_access_group_name, COUNT(r.record_id) AS n FROM meta.dags d
LEFT JOIN records r ON r.redcap_data_access_group = d.unique_group_name
GROUP BY d.data_access_group_name;

-- query: dags/record-prefix-matches-group
-- projects: dag
SELECT record_id, redcap_data_access_group FROM records WHERE record_id LIKE '331-%';
