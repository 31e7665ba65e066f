-- ORDER BY with LIMIT and OFFSET; the order is compared where the sort keys fix it.

-- query: order/by-record-id
-- projects: basic-demography
-- ordered
SELECT record_id, last_name FROM demographics ORDER BY record_id;

-- query: order/desc-with-limit
-- projects: basic-demography
-- ordered
SELECT record_id, weight FROM demographics ORDER BY weight DESC, record_id LIMIT 10;

-- query: order/limit-offset
-- projects: basic-demography
-- ordered
SELECT record_id, dob FROM demographics ORDER BY dob, record_id LIMIT 5 OFFSET 20;

-- query: order/fetch-first
-- projects: basic-demography
-- ordered
SELECT record_id, bmi FROM demographics ORDER BY bmi DESC, record_id OFFSET 3 ROWS FETCH NEXT 4 ROWS ONLY;

-- query: order/nulls-last-explicit
-- projects: longitudinal
-- ordered
SELECT study_id, redcap_event_name, pmq1 FROM records ORDER BY pmq1 NULLS LAST, study_id, redcap_event_name;

-- query: order/nulls-first-explicit
-- projects: longitudinal
-- ordered
SELECT study_id, redcap_event_name, vld1 FROM records ORDER BY vld1 DESC NULLS FIRST, study_id, redcap_event_name;

-- query: order/nulls-default
-- projects: validation-types-1
-- ordered
SELECT record_id, v_integer FROM form_1 ORDER BY v_integer, record_id;

-- query: order/by-expression
-- projects: validation-types-1
-- ordered
SELECT record_id, f_slider FROM form_1 WHERE f_slider IS NOT NULL ORDER BY ABS(f_slider - 50), record_id;

-- query: order/by-ordinal
-- projects: vignette-repeating
-- ordered
SELECT record_id, redcap_repeat_instance, sbp FROM blood_pressure ORDER BY 3 DESC, 1, 2;

-- query: order/by-label
-- projects: basic-demography
-- ordered
SELECT race_label, COUNT(*) AS n FROM demographics GROUP BY race_label ORDER BY n DESC, race_label;

-- query: order/unicode-strings
-- projects: validation-types-1
-- ordered
SELECT DISTINCT f_text FROM form_1 WHERE f_text IS NOT NULL ORDER BY f_text;

-- query: order/timestamps
-- projects: validation-types-1
-- ordered
SELECT record_id, v_datetime_seconds_mdy FROM form_1 WHERE v_datetime_seconds_mdy IS NOT NULL
ORDER BY v_datetime_seconds_mdy DESC LIMIT 5;

-- query: order/generated-top-n
-- projects: generated
-- ordered
SELECT record_id, f2_integer, f5_number FROM instrument_1 WHERE f2_integer IS NOT NULL AND f5_number IS NOT NULL
ORDER BY f2_integer DESC, f5_number DESC, record_id LIMIT 10;

-- query: order/generated-limit-offset
-- projects: generated
-- ordered
SELECT record_id, redcap_event_name, redcap_repeat_instance, f11_number_2dp FROM instrument_2
ORDER BY f11_number_2dp NULLS LAST, record_id, redcap_event_name, redcap_repeat_instance LIMIT 7 OFFSET 100;

-- query: order/generated-record-order-as-text
-- projects: generated
-- ordered
SELECT record_id FROM instrument_1 WHERE record_id LIKE '19%' ORDER BY record_id DESC LIMIT 12;

-- query: order/limit-without-order-counts
-- projects: generated
SELECT COUNT(*) FROM (SELECT record_id FROM records LIMIT 25) t;

-- query: order/limit-zero
-- projects: basic-demography
SELECT record_id FROM demographics LIMIT 0;

-- query: order/offset-past-end
-- projects: checkboxes-1
-- ordered
SELECT record_id FROM records ORDER BY record_id OFFSET 10 ROWS;

-- query: order/distinct-ordered
-- projects: longitudinal
-- ordered
SELECT DISTINCT redcap_event_name FROM records ORDER BY redcap_event_name;

-- query: order/count-of-limited-subquery
-- projects: basic-demography, longitudinal
SELECT COUNT(*) FROM (SELECT * FROM records LIMIT 7) t;

-- query: order/count-of-ordered-limited-subquery
-- projects: basic-demography
SELECT COUNT(*), MAX(weight) FROM (SELECT weight FROM demographics ORDER BY weight DESC, record_id LIMIT 5) t;
