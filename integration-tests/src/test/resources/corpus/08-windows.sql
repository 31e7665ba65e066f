-- Window functions.

-- query: windows/row-number-per-record
-- projects: vignette-repeating
SELECT record_id, redcap_repeat_instance, sbp,
  ROW_NUMBER() OVER (PARTITION BY record_id ORDER BY sbp DESC) AS rn FROM blood_pressure;

-- query: windows/rank-dense-rank
-- projects: basic-demography
SELECT record_id, weight, RANK() OVER (ORDER BY weight DESC) AS r, DENSE_RANK() OVER (ORDER BY weight DESC) AS dr
FROM demographics;

-- query: windows/running-sum
-- projects: vignette-repeating
SELECT record_id, redcap_repeat_instance, dbp,
  SUM(dbp) OVER (PARTITION BY record_id ORDER BY redcap_repeat_instance ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_dbp
FROM blood_pressure;

-- query: windows/count-over-partition
-- projects: basic-demography
SELECT record_id, race, COUNT(*) OVER (PARTITION BY race) AS same_race FROM demographics;

-- query: windows/lag-lead
-- projects: longitudinal
SELECT study_id, redcap_event_name, pmq1,
  LAG(pmq1) OVER (PARTITION BY study_id ORDER BY redcap_event_name) AS prev_pmq1,
  LEAD(pmq1) OVER (PARTITION BY study_id ORDER BY redcap_event_name) AS next_pmq1
FROM patient_morale_questionnaire;

-- query: windows/first-value
-- projects: vignette-repeating
SELECT record_id, redcap_repeat_instance,
  FIRST_VALUE(sbp) OVER (PARTITION BY record_id ORDER BY redcap_repeat_instance) AS first_sbp FROM blood_pressure;

-- query: windows/avg-over
-- projects: basic-demography
SELECT record_id, bmi, bmi - AVG(bmi) OVER (PARTITION BY sex) AS from_mean FROM demographics WHERE record_id < '1030';

-- query: windows/top-per-group
-- projects: generated
SELECT record_id, redcap_event_name, redcap_repeat_instance, f17_slider FROM (
  SELECT record_id, redcap_event_name, redcap_repeat_instance, f17_slider,
    ROW_NUMBER() OVER (PARTITION BY redcap_event_name ORDER BY f17_slider DESC, record_id, redcap_repeat_instance) AS rn
  FROM instrument_2 WHERE f17_slider IS NOT NULL) t
WHERE rn <= 3;

-- query: windows/max-instance-per-record
-- projects: generated
SELECT COUNT(*) FROM (
  SELECT record_id, redcap_repeat_instance, MAX(redcap_repeat_instance) OVER (PARTITION BY record_id, redcap_event_name) AS last_one
  FROM instrument_2) t
WHERE redcap_repeat_instance = last_one;

-- query: windows/ntile
-- projects: basic-demography
SELECT record_id, height, NTILE(4) OVER (ORDER BY height, record_id) AS quartile FROM demographics;
