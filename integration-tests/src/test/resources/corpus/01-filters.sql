-- Filters on every column type: =, <>, ranges, BETWEEN, IN, LIKE, IS NULL.
-- Each entry names the projects it runs on; see Corpus.java for the format.

-- ---------------------------------------------------------------- VARCHAR

-- query: filters/varchar-equals
-- projects: basic-demography
SELECT record_id, first_name, last_name FROM demographics WHERE last_name = 'Thiel';

-- query: filters/varchar-not-equals
-- projects: basic-demography
SELECT record_id FROM demographics WHERE race_label <> 'White';

-- query: filters/varchar-range
-- projects: basic-demography
SELECT record_id, last_name FROM demographics WHERE last_name >= 'M' AND last_name < 'P';

-- query: filters/varchar-in
-- projects: basic-demography
SELECT record_id, first_name FROM demographics WHERE first_name IN ('Mattie', 'Rocky', 'Nobody', 'Libby');

-- query: filters/varchar-like-prefix
-- projects: basic-demography
SELECT record_id, email FROM demographics WHERE email LIKE 'j%';

-- query: filters/varchar-like-infix-underscore
-- projects: basic-demography
SELECT record_id, last_name FROM demographics WHERE last_name LIKE '_a%n%';

-- query: filters/varchar-like-quote
-- projects: basic-demography
SELECT record_id, last_name, email FROM demographics WHERE last_name LIKE 'O''%' OR email LIKE '%''%';

-- query: filters/varchar-not-like
-- projects: basic-demography
SELECT record_id FROM demographics WHERE address NOT LIKE '%Apt.%';

-- query: filters/varchar-between
-- projects: basic-demography
SELECT record_id, telephone FROM demographics WHERE telephone BETWEEN '(3' AND '(5';

-- query: filters/record-id-equals
-- projects: basic-demography
SELECT * FROM demographics WHERE record_id = '1042';

-- query: filters/record-id-in
-- projects: basic-demography
SELECT record_id, last_name FROM records WHERE record_id IN ('1001', '1050', '1099', '9999');

-- query: filters/record-id-range-as-text
-- projects: basic-demography
SELECT record_id FROM records WHERE record_id > '1090';

-- query: filters/varchar-unicode-and-quotes
-- projects: validation-types-1
SELECT record_id, f_text FROM form_1 WHERE f_text IN ('Тимофей', 'O''Brien', 'ëlan', 'say "hi"');

-- query: filters/varchar-like-percent-literal
-- projects: validation-types-1
SELECT record_id, f_notes FROM form_1 WHERE f_notes LIKE '%100\%%' ESCAPE '\';

-- query: filters/varchar-like-underscore-literal
-- projects: validation-types-1
SELECT record_id, f_text FROM form_1 WHERE f_text LIKE 'a\_b' ESCAPE '\';

-- query: filters/varchar-numeric-looking-text
-- projects: validation-types-1
SELECT record_id, f_text FROM form_1 WHERE f_text > '1' AND f_text < 'A';

-- query: filters/notes-with-newline
-- projects: validation-types-1
SELECT record_id, f_notes FROM form_1 WHERE f_notes LIKE 'O''Brien%x y' OR f_notes LIKE '%a_b';

-- query: filters/coded-varchar
-- projects: generated
SELECT record_id, f3_radio, f3_radio_label FROM instrument_1 WHERE f3_radio = '2' AND record_id < '12';

-- query: filters/email-like
-- projects: generated
SELECT record_id, redcap_repeat_instance, f13_email FROM instrument_2
WHERE f13_email LIKE 'participant19%' AND redcap_event_name = 'visit_1_arm_1';

-- query: filters/text-like-name
-- projects: generated
SELECT record_id, f1_text FROM instrument_1 WHERE f1_text LIKE 'Zoe %' AND f1_text LIKE '%a';

-- ---------------------------------------------------------------- BIGINT (integer)

-- query: filters/bigint-equals
-- projects: basic-demography
SELECT record_id, weight FROM demographics WHERE weight = 83;

-- query: filters/bigint-not-equals
-- projects: dag, basic-demography
SELECT record_id FROM records WHERE weight <> 83;

-- query: filters/bigint-range
-- projects: basic-demography
SELECT record_id, weight FROM demographics WHERE weight > 100 OR weight <= 50;

-- query: filters/bigint-between
-- projects: generated
SELECT record_id, f2_integer FROM instrument_1 WHERE f2_integer BETWEEN 10 AND 12;

-- query: filters/bigint-not-between
-- projects: validation-types-1
SELECT record_id, v_integer FROM form_1 WHERE v_integer NOT BETWEEN 0 AND 200;

-- query: filters/bigint-in
-- projects: generated
SELECT record_id, f2_integer FROM instrument_1 WHERE f2_integer IN (1, 50, 99) AND record_id LIKE '1%';

-- query: filters/bigint-not-in
-- projects: longitudinal
SELECT study_id, redcap_event_name, cpq2 FROM completion_project_questionnaire WHERE cpq2 NOT IN (35, 46);

-- query: filters/bigint-negative-and-signed
-- projects: validation-types-1
SELECT record_id, v_integer FROM records WHERE v_integer < 0 OR v_integer = 42;

-- query: filters/bigint-zero-fraction-legacy
-- projects: validation-types-1
SELECT record_id, v_integer FROM form_1 WHERE v_integer = 5 OR v_integer = 42;

-- query: filters/bigint-arithmetic
-- projects: generated
SELECT record_id, f2_integer FROM instrument_1 WHERE f2_integer * 2 + 1 = 51;

-- ---------------------------------------------------------------- DECIMAL (number)

-- query: filters/decimal-equals
-- projects: basic-demography
SELECT record_id, height FROM demographics WHERE height = 184;

-- query: filters/decimal-range
-- projects: vignette-repeating
SELECT record_id, redcap_repeat_instance, sbp FROM blood_pressure WHERE sbp >= 1.2 AND sbp < 2.2;

-- query: filters/decimal-between-fraction
-- projects: longitudinal
SELECT study_id, redcap_event_name, vbw1 FROM visit_blood_workup WHERE vbw1 BETWEEN 0.2 AND 0.5;

-- query: filters/decimal-comma-mark
-- projects: validation-types-1
SELECT record_id, v_number_comma_decimal, v_number_2dp_comma_decimal FROM form_1
WHERE v_number_comma_decimal > 5 OR v_number_2dp_comma_decimal < 0;

-- query: filters/decimal-ndp
-- projects: validation-types-1
SELECT record_id, v_number_1dp, v_number_2dp, v_number_3dp, v_number_4dp FROM form_1
WHERE v_number_1dp > 0 AND v_number_4dp < 10;

-- query: filters/decimal-plain-number-in
-- projects: validation-types-1
SELECT record_id, v_number FROM form_1 WHERE v_number IN (0.5, 1000, 6.72);

-- query: filters/decimal-2dp-generated
-- projects: generated
SELECT record_id, redcap_event_name, redcap_repeat_instance, f11_number_2dp FROM instrument_2
WHERE f11_number_2dp BETWEEN 50.00 AND 50.25;

-- query: filters/decimal-comma-generated
-- projects: generated
SELECT record_id, redcap_event_name, redcap_repeat_instance, f15_number_comma FROM instrument_2
WHERE f15_number_comma = 12.3;

-- query: filters/decimal-not-equal-and-null
-- projects: vignette-repeating
SELECT record_id, height, weight FROM intake WHERE height <> 1 OR weight IS NULL;

-- ---------------------------------------------------------------- DOUBLE (calc)

-- query: filters/double-range
-- projects: basic-demography
SELECT record_id, bmi FROM demographics WHERE bmi > 30.0;

-- query: filters/double-between
-- projects: basic-demography, dag
SELECT record_id, bmi, age FROM records WHERE bmi BETWEEN 18.3 AND 20 OR age BETWEEN 90 AND 91;

-- query: filters/double-equals
-- projects: validation-types-1
SELECT record_id FROM form_1 WHERE f_calculated = 7;

-- query: filters/double-generated
-- projects: generated
SELECT record_id, f6_calc FROM instrument_1 WHERE f6_calc >= 148.5 AND f6_calc < 150;

-- ---------------------------------------------------------------- INTEGER (slider, instance)

-- query: filters/slider-range
-- projects: validation-types-1
SELECT record_id, f_slider FROM form_1 WHERE f_slider < 15 OR f_slider > 90;

-- query: filters/slider-in-generated
-- projects: generated
SELECT record_id, redcap_event_name, redcap_repeat_instance, f17_slider FROM instrument_2
WHERE f17_slider IN (0, 100) AND redcap_repeat_instance > 1;

-- query: filters/repeat-instance
-- projects: vignette-repeating
SELECT record_id, redcap_repeat_instrument, redcap_repeat_instance FROM records
WHERE redcap_repeat_instance >= 2;

-- query: filters/mood-slider
-- projects: longitudinal
SELECT study_id, specify_mood FROM demographics WHERE specify_mood BETWEEN 30 AND 80;

-- ---------------------------------------------------------------- SMALLINT (form status)

-- query: filters/complete-status
-- projects: checkboxes-1
SELECT record_id, form_2_complete FROM records WHERE form_2_complete = 2;

-- query: filters/complete-status-not-complete
-- projects: longitudinal
SELECT study_id, redcap_event_name, patient_morale_questionnaire_complete FROM records
WHERE patient_morale_questionnaire_complete < 2;

-- query: filters/complete-status-in
-- projects: generated
SELECT COUNT(*) FROM instrument_2 WHERE instrument_2_complete IN (0, 1) AND redcap_event_name = 'visit_2_arm_1';

-- ---------------------------------------------------------------- BOOLEAN (yes/no, true/false)

-- query: filters/boolean-true
-- projects: validation-types-1
SELECT record_id, f_yes_no FROM form_1 WHERE f_yes_no;

-- query: filters/boolean-is-false
-- projects: validation-types-1
SELECT record_id, f_true_false FROM form_1 WHERE f_true_false IS FALSE;

-- query: filters/boolean-is-not-true
-- projects: validation-types-1
SELECT record_id, f_true_false FROM form_1 WHERE f_true_false IS NOT TRUE;

-- query: filters/boolean-equals
-- projects: generated
SELECT COUNT(*) FROM instrument_1 WHERE f7_yesno = TRUE;

-- query: filters/boolean-not
-- projects: longitudinal
SELECT study_id, given_birth FROM demographics WHERE NOT given_birth;

-- ---------------------------------------------------------------- IS NULL

-- query: filters/is-null-varchar
-- projects: longitudinal
SELECT study_id, redcap_event_name FROM records WHERE first_name IS NULL AND pmq1 IS NOT NULL;

-- query: filters/is-null-typed
-- projects: validation-types-1
SELECT record_id FROM records WHERE v_date_ymd IS NULL AND v_integer IS NOT NULL;

-- query: filters/is-null-generated
-- projects: generated
SELECT COUNT(*) FROM instrument_1 WHERE f2_integer IS NULL;

-- query: filters/is-not-null-decimal
-- projects: generated
SELECT COUNT(*), COUNT(f15_number_comma) FROM instrument_2 WHERE f15_number_comma IS NOT NULL;

-- ---------------------------------------------------------------- AND, OR, NOT

-- query: filters/and-or-not
-- projects: basic-demography
SELECT record_id FROM demographics
WHERE (sex = '0' AND NOT (weight > 90)) OR (ethnicity = '0' AND bmi < 25);

-- query: filters/not-or
-- projects: generated
SELECT record_id, f2_integer, f3_radio FROM instrument_1
WHERE NOT (f2_integer < 95 OR f3_radio = '1') AND record_id < '3';

-- query: filters/expression-upper
-- projects: basic-demography
SELECT record_id, last_name FROM demographics WHERE UPPER(last_name) = 'THIEL' OR LOWER(first_name) = 'amos';
