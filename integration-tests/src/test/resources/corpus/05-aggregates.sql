-- GROUP BY, HAVING, COUNT(DISTINCT) and the other aggregates.

-- query: aggregates/count-star-records
-- projects: *
SELECT COUNT(*) FROM records;

-- query: aggregates/count-star-every-instrument
-- projects: longitudinal
SELECT 'demographics' AS t, COUNT(*) AS n FROM demographics UNION ALL
SELECT 'contact_info', COUNT(*) FROM contact_info UNION ALL
SELECT 'baseline_data', COUNT(*) FROM baseline_data UNION ALL
SELECT 'visit_lab_data', COUNT(*) FROM visit_lab_data UNION ALL
SELECT 'patient_morale_questionnaire', COUNT(*) FROM patient_morale_questionnaire UNION ALL
SELECT 'visit_blood_workup', COUNT(*) FROM visit_blood_workup UNION ALL
SELECT 'visit_observed_behavior', COUNT(*) FROM visit_observed_behavior UNION ALL
SELECT 'completion_data', COUNT(*) FROM completion_data UNION ALL
SELECT 'completion_project_questionnaire', COUNT(*) FROM completion_project_questionnaire;

-- query: aggregates/count-distinct-study-id
-- projects: longitudinal
SELECT COUNT(DISTINCT study_id), COUNT(*) FROM records;

-- query: aggregates/count-distinct-record-id
-- projects: vignette-repeating, checkboxes-1, validation-types-1, dag, basic-demography, generated
SELECT COUNT(DISTINCT record_id), COUNT(*) FROM records;

-- query: aggregates/count-column-skips-null
-- projects: longitudinal
SELECT COUNT(*), COUNT(first_name), COUNT(pmq1), COUNT(DISTINCT pmq1), COUNT(DISTINCT redcap_event_name) FROM records;

-- query: aggregates/group-by-having
-- projects: basic-demography
SELECT race_label, COUNT(*) AS n, MIN(weight), MAX(weight), SUM(weight) FROM demographics
GROUP BY race_label HAVING COUNT(*) > 5;

-- query: aggregates/avg-of-double
-- projects: basic-demography
SELECT sex_label, AVG(bmi) AS mean_bmi, MIN(bmi), MAX(bmi) FROM demographics GROUP BY sex_label;

-- Calcite divides DECIMALs to 16 significant digits (MathContext.DECIMAL64) and averages an
-- integer column as an integer (both allowed by the standard, which leaves AVG's precision and
-- scale to the implementation); H2 keeps more digits. The corpus compares averages as DOUBLE.

-- query: aggregates/avg-of-decimal
-- projects: basic-demography
SELECT ethnicity, CAST(AVG(height) AS DOUBLE) AS mean_height FROM demographics GROUP BY ethnicity;

-- query: aggregates/avg-of-integer-as-double
-- projects: basic-demography
SELECT sex, AVG(CAST(weight AS DOUBLE)) AS mean_weight FROM demographics GROUP BY sex;

-- query: aggregates/sum-decimal
-- projects: vignette-repeating
SELECT record_id, SUM(sbp) AS s, SUM(dbp) AS d, COUNT(*) AS n FROM blood_pressure GROUP BY record_id;

-- query: aggregates/sum-decimal-ndp
-- projects: validation-types-1
SELECT SUM(v_number_1dp), SUM(v_number_2dp), SUM(v_number_3dp), SUM(v_number_4dp), SUM(v_number) FROM form_1;

-- query: aggregates/group-by-two-columns
-- projects: basic-demography
SELECT sex_label, ethnicity_label, COUNT(*) AS n, MIN(dob) AS oldest FROM demographics
GROUP BY sex_label, ethnicity_label;

-- query: aggregates/having-on-aggregate-expression
-- projects: basic-demography
SELECT race, COUNT(*) AS n FROM demographics GROUP BY race HAVING MAX(bmi) - MIN(bmi) > 10;

-- query: aggregates/group-by-event
-- projects: longitudinal
SELECT redcap_event_name, COUNT(*) AS n, COUNT(vld1) AS labs, MAX(pmq1) AS top_pmq1 FROM records
GROUP BY redcap_event_name;

-- query: aggregates/group-by-repeat-instrument
-- projects: vignette-repeating
SELECT redcap_repeat_instrument, COUNT(*) AS n, MAX(redcap_repeat_instance) AS most FROM records
GROUP BY redcap_repeat_instrument;

-- query: aggregates/generated-by-event
-- projects: generated
SELECT redcap_event_name, COUNT(*) AS n, COUNT(DISTINCT record_id) AS people, MAX(redcap_repeat_instance) AS most
FROM instrument_2 GROUP BY redcap_event_name;

-- query: aggregates/generated-instances-per-record
-- projects: generated
SELECT instances, COUNT(*) AS records FROM
  (SELECT record_id, COUNT(*) AS instances FROM instrument_2 GROUP BY record_id) t
GROUP BY instances;

-- query: aggregates/generated-having
-- projects: generated
SELECT f3_radio, f8_dropdown, COUNT(*) AS n, SUM(f2_integer) AS s FROM instrument_1
GROUP BY f3_radio, f8_dropdown HAVING COUNT(*) > 70;

-- query: aggregates/generated-decimal-stats
-- projects: generated
SELECT MIN(f11_number_2dp), MAX(f11_number_2dp), SUM(f11_number_2dp), COUNT(DISTINCT f11_number_2dp) FROM instrument_2;

-- query: aggregates/generated-avg-double
-- projects: generated
SELECT f7_yesno, AVG(f6_calc) AS mean_calc, COUNT(f6_calc) FROM instrument_1 GROUP BY f7_yesno;

-- query: aggregates/generated-status-totals
-- projects: generated
SELECT instrument_2_complete, COUNT(*) FROM instrument_2 GROUP BY instrument_2_complete;

-- query: aggregates/filter-clause
-- projects: basic-demography
SELECT COUNT(*) FILTER (WHERE sex = '0') AS women, COUNT(*) FILTER (WHERE sex = '1') AS men FROM demographics;

-- query: aggregates/count-distinct-several
-- projects: basic-demography
SELECT COUNT(DISTINCT race), COUNT(DISTINCT ethnicity), COUNT(DISTINCT last_name), COUNT(DISTINCT dob) FROM demographics;

-- query: aggregates/min-max-strings
-- projects: validation-types-1
SELECT MIN(f_text), MAX(f_text), MIN(v_email), MAX(v_postalcode_canada) FROM form_1;

-- query: aggregates/empty-group
-- projects: basic-demography
SELECT COUNT(*), SUM(weight), MAX(dob) FROM demographics WHERE weight > 1000;

-- query: aggregates/group-by-expression
-- projects: basic-demography
SELECT CASE WHEN bmi < 25 THEN 'normal' WHEN bmi < 30 THEN 'over' ELSE 'obese' END AS band, COUNT(*) AS n
FROM demographics GROUP BY CASE WHEN bmi < 25 THEN 'normal' WHEN bmi < 30 THEN 'over' ELSE 'obese' END;

-- Grouping on columns whose positions, once the scan projects them, are those of the table's
-- key: Calcite must not take them for the key (it once did, and dropped the GROUP BY).

-- query: aggregates/group-by-projected-columns-count
-- projects: basic-demography
SELECT sex, COUNT(*) AS n FROM demographics GROUP BY sex;

-- query: aggregates/group-by-projected-columns-avg-cast
-- projects: basic-demography
SELECT sex, AVG(CAST(weight AS DOUBLE)) AS mean_weight, MAX(weight) FROM demographics GROUP BY sex;

-- query: aggregates/distinct-projected-column
-- projects: basic-demography
SELECT DISTINCT race FROM demographics;

-- query: aggregates/group-by-meta-choices-two-columns
-- projects: longitudinal, basic-demography, validation-types-1, generated
SELECT label, sort_order, COUNT(*) AS n FROM meta.choices GROUP BY label, sort_order;

-- query: aggregates/distinct-meta-two-columns
-- projects: longitudinal, generated
SELECT DISTINCT form, arm_num FROM meta.form_event_mapping;

-- query: aggregates/group-by-instrument-two-columns
-- projects: longitudinal
SELECT redcap_event_name, pmq3, COUNT(*) AS n FROM patient_morale_questionnaire GROUP BY redcap_event_name, pmq3;

-- query: aggregates/group-by-generated-two-columns
-- projects: generated
SELECT f3_radio, f7_yesno, AVG(CAST(f2_integer AS DOUBLE)) AS m, COUNT(*) AS n FROM instrument_1 GROUP BY f3_radio, f7_yesno;
