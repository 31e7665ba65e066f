-- Parameters bound through PreparedStatement (typed as the corpus says).

-- query: params/record-id
-- projects: basic-demography
-- params: VARCHAR 1042
SELECT record_id, last_name FROM demographics WHERE record_id = ?;

-- query: params/record-id-pair
-- projects: dag
-- params: VARCHAR 331-1 | VARCHAR 332-3
SELECT record_id, first_name FROM records WHERE record_id = ? OR record_id = ?;

-- query: params/bigint-range
-- projects: basic-demography
-- params: BIGINT 60 | BIGINT 70
SELECT record_id, weight FROM demographics WHERE weight BETWEEN ? AND ?;

-- query: params/decimal
-- projects: vignette-repeating
-- params: DECIMAL 1.3
SELECT record_id, redcap_repeat_instance, sbp FROM blood_pressure WHERE sbp >= ?;

-- query: params/double
-- projects: basic-demography
-- params: DOUBLE 31.5
SELECT record_id, bmi FROM demographics WHERE bmi > ?;

-- query: params/date
-- projects: basic-demography
-- params: DATE 1988-01-19
SELECT record_id FROM demographics WHERE dob = ?;

-- query: params/timestamp
-- projects: validation-types-1
-- params: TIMESTAMP 1990-01-01 00:00:00
SELECT record_id, v_datetime_seconds_ymd FROM form_1 WHERE v_datetime_seconds_ymd > ?;

-- query: params/time
-- projects: validation-types-1
-- params: TIME 12:00:00
SELECT record_id, v_time_hh_mm_ss FROM form_1 WHERE v_time_hh_mm_ss < ?;

-- query: params/boolean
-- projects: validation-types-1
-- params: BOOLEAN true
SELECT record_id FROM form_1 WHERE f_yes_no = ?;

-- query: params/like-pattern
-- projects: basic-demography
-- params: VARCHAR %son
SELECT record_id, last_name FROM demographics WHERE last_name LIKE ?;

-- query: params/text-with-quote
-- projects: validation-types-1
-- params: VARCHAR O'Brien
SELECT record_id FROM form_1 WHERE f_text = ?;

-- query: params/event
-- projects: longitudinal
-- params: VARCHAR visit_1_arm_1
SELECT study_id, vld1, vld2 FROM visit_lab_data WHERE redcap_event_name = ?;

-- query: params/generated-record-and-event
-- projects: generated
-- params: VARCHAR 17 | VARCHAR visit_2_arm_1
SELECT record_id, redcap_repeat_instance, f11_number_2dp, f16_time FROM instrument_2
WHERE record_id = ? AND redcap_event_name = ?;

-- query: params/generated-integer
-- projects: generated
-- params: BIGINT 42
SELECT record_id, f2_integer FROM instrument_1 WHERE f2_integer = ?;

-- query: params/null-matches-nothing
-- projects: basic-demography
-- params: NULL VARCHAR
SELECT record_id FROM demographics WHERE last_name = ?;

-- query: params/in-list
-- projects: checkboxes-1
-- params: VARCHAR 1 | VARCHAR 3 | VARCHAR 9
SELECT record_id, form_2_complete FROM records WHERE record_id IN (?, ?, ?);
