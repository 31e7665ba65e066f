-- NULL semantics: three-valued logic, NULL in IN / NOT IN, aggregates and joins.

-- query: nulls/not-equals-excludes-null
-- projects: longitudinal
SELECT study_id, redcap_event_name FROM records WHERE pmq3 <> '1';

-- query: nulls/not-in-with-null-value
-- projects: longitudinal
SELECT study_id, redcap_event_name, pmq1 FROM records WHERE pmq1 NOT IN ('0', '3');

-- query: nulls/not-in-subquery-with-null
-- projects: longitudinal
SELECT study_id, redcap_event_name FROM records
WHERE pmq1 NOT IN (SELECT pmq1 FROM patient_morale_questionnaire WHERE study_id = '304');

-- query: nulls/is-distinct-from
-- projects: longitudinal
SELECT study_id, redcap_event_name, pmq1, pmq3 FROM records WHERE pmq1 IS DISTINCT FROM pmq3;

-- query: nulls/not-of-null-comparison
-- projects: validation-types-1
SELECT record_id FROM form_1 WHERE NOT (v_integer > 100);

-- query: nulls/or-with-unknown
-- projects: validation-types-1
SELECT record_id FROM form_1 WHERE v_integer > 100 OR v_number IS NULL;

-- query: nulls/boolean-unknown
-- projects: validation-types-1
SELECT record_id, f_yes_no FROM form_1 WHERE f_yes_no IS UNKNOWN OR f_yes_no IS NOT FALSE;

-- query: nulls/aggregates-ignore-null
-- projects: validation-types-1
SELECT COUNT(*), COUNT(v_integer), SUM(v_integer), MIN(v_integer), MAX(v_integer), COUNT(DISTINCT v_integer) FROM form_1;

-- query: nulls/group-by-null-key
-- projects: validation-types-1
SELECT f_radio, COUNT(*) AS n FROM form_1 GROUP BY f_radio;

-- query: nulls/distinct-with-null
-- projects: longitudinal
SELECT DISTINCT complete_study FROM records;

-- query: nulls/join-on-null-never-matches
-- projects: longitudinal
SELECT a.study_id, a.redcap_event_name, b.redcap_event_name AS other FROM records a JOIN records b
  ON a.pmq1 = b.pmq1 AND a.study_id = b.study_id AND a.redcap_event_name < b.redcap_event_name;

-- query: nulls/coalesce-typed
-- projects: validation-types-1
SELECT record_id, COALESCE(v_integer, -1) AS i, COALESCE(v_date_ymd, DATE '1900-01-01') AS d FROM form_1;

-- query: nulls/arithmetic-with-null
-- projects: validation-types-1
SELECT record_id, v_integer + f_slider AS s FROM form_1;

-- query: nulls/concat-with-null
-- projects: longitudinal
SELECT study_id, redcap_event_name, first_name || ' ' || last_name AS name FROM records;

-- query: nulls/case-on-null
-- projects: generated
SELECT CASE WHEN f2_integer IS NULL THEN 'missing' WHEN f2_integer > 50 THEN 'high' ELSE 'low' END AS k, COUNT(*) AS n
FROM instrument_1 GROUP BY CASE WHEN f2_integer IS NULL THEN 'missing' WHEN f2_integer > 50 THEN 'high' ELSE 'low' END;

-- query: nulls/empty-base-rows
-- projects: generated
SELECT COUNT(*) FROM records WHERE redcap_repeat_instrument IS NULL AND instrument_1_complete IS NULL;

-- query: nulls/status-only-form-rows
-- projects: checkboxes-1
SELECT record_id, form_1_complete FROM form_1 WHERE form_1_complete IS NOT NULL;
