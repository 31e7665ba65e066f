-- Dates, date-times and times: literals, ranges, functions, arithmetic.

-- query: dates/date-equals
-- projects: basic-demography
SELECT record_id, dob FROM demographics WHERE dob = DATE '1988-01-19';

-- query: dates/date-range
-- projects: basic-demography
SELECT record_id, dob FROM demographics WHERE dob >= DATE '1920-01-01' AND dob < DATE '1930-01-01';

-- query: dates/date-between
-- projects: validation-types-1
SELECT record_id, v_date_ymd, v_date_mdy, v_date_dmy FROM form_1
WHERE v_date_ymd BETWEEN DATE '1970-01-01' AND DATE '1999-12-31';

-- query: dates/date-in
-- projects: longitudinal
SELECT study_id, redcap_event_name, withdraw_date FROM completion_data
WHERE withdraw_date IN (DATE '2015-04-02', DATE '2001-01-01');

-- query: dates/date-not-equals-null
-- projects: longitudinal
SELECT study_id, redcap_event_name, cpq1, cpq9 FROM records WHERE cpq1 <> DATE '2015-04-02';

-- query: dates/date-extract
-- projects: basic-demography
SELECT record_id, EXTRACT(YEAR FROM dob) AS y, EXTRACT(MONTH FROM dob) AS m, EXTRACT(DAY FROM dob) AS d
FROM demographics WHERE EXTRACT(MONTH FROM dob) = 1;

-- query: dates/date-group-by-decade
-- projects: basic-demography
SELECT FLOOR(EXTRACT(YEAR FROM dob) / 10) * 10 AS decade, COUNT(*) AS n FROM demographics
GROUP BY FLOOR(EXTRACT(YEAR FROM dob) / 10) * 10;

-- query: dates/date-plus-interval
-- projects: basic-demography
SELECT record_id, dob + INTERVAL '30' DAY AS later FROM demographics WHERE record_id < '1010';

-- query: dates/date-min-max
-- projects: generated
SELECT MIN(f4_date), MAX(f4_date), COUNT(f4_date) FROM instrument_1;

-- query: dates/date-range-generated
-- projects: generated
SELECT record_id, f4_date FROM instrument_1 WHERE f4_date BETWEEN DATE '1990-01-01' AND DATE '1990-01-31';

-- query: dates/date-year-generated
-- projects: generated
SELECT EXTRACT(YEAR FROM f4_date) AS y, COUNT(*) FROM instrument_1
WHERE f4_date >= DATE '1995-01-01' GROUP BY EXTRACT(YEAR FROM f4_date);

-- query: dates/legacy-date-is-null
-- projects: validation-types-1
SELECT record_id, v_date_ymd FROM form_1 WHERE record_id IN ('5', '6', '7');

-- query: dates/date-compare-columns
-- projects: longitudinal
SELECT study_id, redcap_event_name FROM records WHERE creat_4 < withdraw_date;

-- query: timestamps/equals
-- projects: validation-types-1
SELECT record_id, v_datetime_dmy FROM form_1 WHERE v_datetime_dmy = TIMESTAMP '1991-08-19 06:33:00';

-- query: timestamps/range-minutes
-- projects: validation-types-1
SELECT record_id, v_datetime_ymd, v_datetime_mdy FROM form_1
WHERE v_datetime_ymd > TIMESTAMP '1980-01-01 00:00:00' OR v_datetime_mdy < TIMESTAMP '1970-01-01 12:00:00';

-- query: timestamps/range-seconds
-- projects: validation-types-1
SELECT record_id, v_datetime_seconds_ymd FROM form_1
WHERE v_datetime_seconds_ymd BETWEEN TIMESTAMP '1990-01-01 00:00:00' AND TIMESTAMP '2010-12-31 23:59:59';

-- query: timestamps/seconds-precision
-- projects: validation-types-1
SELECT record_id, EXTRACT(SECOND FROM v_datetime_seconds_dmy) AS s, EXTRACT(MINUTE FROM v_datetime_seconds_dmy) AS mi
FROM form_1 WHERE v_datetime_seconds_dmy IS NOT NULL;

-- query: timestamps/cast-to-date
-- projects: validation-types-1
SELECT record_id, CAST(v_datetime_mdy AS DATE) AS d FROM form_1 WHERE CAST(v_datetime_mdy AS DATE) > DATE '2000-01-01';

-- query: timestamps/hour-extract-generated
-- projects: generated
SELECT EXTRACT(HOUR FROM f12_datetime) AS h, COUNT(*) AS n FROM instrument_2
WHERE redcap_event_name = 'visit_1_arm_1' AND f12_datetime >= TIMESTAMP '2010-01-01 00:00:00'
GROUP BY EXTRACT(HOUR FROM f12_datetime);

-- query: timestamps/range-generated
-- projects: generated
SELECT record_id, redcap_event_name, redcap_repeat_instance, f18_datetime_seconds FROM instrument_2
WHERE f18_datetime_seconds BETWEEN TIMESTAMP '2000-06-01 00:00:00' AND TIMESTAMP '2000-06-30 23:59:59';

-- query: timestamps/compare-to-date
-- projects: generated
SELECT COUNT(*) FROM instrument_2 WHERE f12_datetime < TIMESTAMP '1950-01-01 00:00:00';

-- query: times/equals-and-range
-- projects: validation-types-1
SELECT record_id, v_time_hh_mm, v_time_hh_mm_ss FROM form_1
WHERE v_time_hh_mm >= TIME '12:00:00' OR v_time_hh_mm_ss < TIME '06:00:00';

-- query: times/legacy-time-is-null
-- projects: validation-types-1
SELECT record_id, v_time_hh_mm FROM form_1 WHERE v_time_hh_mm IS NULL;

-- query: times/mm-ss-is-text
-- projects: validation-types-1
SELECT record_id, v_time_mm_ss FROM form_1 WHERE v_time_mm_ss LIKE '5%';

-- query: times/between-generated
-- projects: generated
SELECT COUNT(*) FROM instrument_2 WHERE f16_time BETWEEN TIME '08:00:00' AND TIME '08:59:59';

-- query: times/extract-minute-generated
-- projects: generated
SELECT record_id, redcap_repeat_instance, f16_time FROM instrument_2
WHERE EXTRACT(MINUTE FROM f16_time) = 0 AND record_id < '2';
