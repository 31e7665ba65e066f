-- Subqueries (IN, EXISTS, scalar, derived tables), set operations and CASE.

-- query: subqueries/in-subquery
-- projects: longitudinal
SELECT study_id, first_name FROM demographics
WHERE study_id IN (SELECT study_id FROM visit_lab_data WHERE vld1 > 30);

-- query: subqueries/not-in-subquery
-- projects: vignette-repeating
SELECT record_id FROM intake WHERE record_id NOT IN (SELECT record_id FROM image WHERE image_profile IS NOT NULL);

-- query: subqueries/exists
-- projects: vignette-repeating
SELECT i.record_id FROM intake i
WHERE EXISTS (SELECT 1 FROM blood_pressure b WHERE b.record_id = i.record_id AND b.sbp > 2);

-- query: subqueries/not-exists
-- projects: generated
SELECT COUNT(*) FROM instrument_1 i
WHERE NOT EXISTS (SELECT 1 FROM instrument_2 v WHERE v.record_id = i.record_id AND v.redcap_event_name = 'visit_2_arm_1');

-- query: subqueries/scalar-in-select
-- projects: basic-demography
SELECT record_id, weight, (SELECT MAX(weight) FROM demographics) - weight AS below_max FROM demographics
WHERE record_id < '1008';

-- query: subqueries/scalar-in-where
-- projects: basic-demography
SELECT record_id, bmi FROM demographics WHERE bmi > (SELECT AVG(bmi) FROM demographics) + 5;

-- query: subqueries/correlated-scalar
-- projects: vignette-repeating
SELECT i.record_id, (SELECT COUNT(*) FROM laboratory l WHERE l.record_id = i.record_id) AS labs FROM intake i;

-- query: subqueries/derived-table
-- projects: generated
SELECT band, COUNT(*) AS n FROM (
  SELECT CASE WHEN f17_slider < 34 THEN 'low' WHEN f17_slider < 67 THEN 'mid' ELSE 'high' END AS band
  FROM instrument_2 WHERE f17_slider IS NOT NULL) t
GROUP BY band;

-- query: subqueries/with-clause
-- projects: basic-demography
WITH heavy AS (SELECT record_id, weight FROM demographics WHERE weight > 95)
SELECT h.record_id, h.weight, d.last_name FROM heavy h JOIN demographics d ON d.record_id = h.record_id;

-- query: subqueries/in-meta-subquery
-- projects: validation-types-1
SELECT field_name, field_type FROM meta.metadata
WHERE field_name IN (SELECT original_field_name FROM meta.field_names WHERE choice_value IS NOT NULL);

-- query: subqueries/any-all
-- projects: basic-demography
SELECT record_id, height FROM demographics
WHERE height > ALL (SELECT height FROM demographics WHERE sex = '0' AND height IS NOT NULL) ;

-- query: union/union-distinct
-- projects: longitudinal
SELECT study_id FROM demographics UNION SELECT study_id FROM completion_project_questionnaire;

-- query: union/union-all
-- projects: vignette-repeating
SELECT record_id, 'bp' AS kind, redcap_repeat_instance FROM blood_pressure
UNION ALL SELECT record_id, 'lab', redcap_repeat_instance FROM laboratory;

-- query: union/intersect
-- projects: vignette-repeating
SELECT record_id FROM blood_pressure INTERSECT SELECT record_id FROM laboratory;

-- query: union/except
-- projects: longitudinal
SELECT study_id, redcap_event_name FROM records EXCEPT SELECT study_id, redcap_event_name FROM patient_morale_questionnaire;

-- query: union/generated-union
-- projects: generated
SELECT record_id FROM instrument_1 WHERE f2_integer = 7
UNION SELECT record_id FROM instrument_2 WHERE f17_slider = 7;

-- query: case/simple
-- projects: basic-demography
SELECT record_id, CASE sex WHEN '0' THEN 'F' WHEN '1' THEN 'M' ELSE '?' END AS s FROM demographics WHERE record_id < '1010';

-- query: case/searched-different-lengths
-- projects: basic-demography
SELECT record_id, CASE WHEN bmi < 18.5 THEN 'under' WHEN bmi < 25 THEN 'normal' ELSE 'overweight or obese' END AS band
FROM demographics WHERE record_id < '1020';

-- query: case/no-else-gives-null
-- projects: validation-types-1
SELECT record_id, CASE WHEN f_yes_no THEN 'yes' END AS answer FROM form_1;

-- query: case/on-boolean-and-null
-- projects: validation-types-1
SELECT record_id, CASE WHEN f_true_false IS NULL THEN -1 WHEN f_true_false THEN 1 ELSE 0 END AS tf FROM form_1;

-- query: case/in-aggregate
-- projects: generated
SELECT redcap_event_name, SUM(CASE WHEN f14_truefalse THEN 1 ELSE 0 END) AS t, SUM(CASE WHEN f14_truefalse THEN 0 ELSE 1 END) AS not_t
FROM instrument_2 GROUP BY redcap_event_name;

-- query: case/coalesce-nullif
-- projects: longitudinal
SELECT study_id, redcap_event_name, COALESCE(pmq1_label, vbw6_label, 'none') AS first_label, NULLIF(pmq3, '0') AS p3
FROM records;

-- query: case/string-functions
-- projects: basic-demography
SELECT record_id, UPPER(SUBSTRING(first_name FROM 1 FOR 1)) || LOWER(SUBSTRING(last_name FROM 1 FOR 3)) AS tag,
  CHAR_LENGTH(email) AS len, TRIM(telephone) AS tel FROM demographics WHERE record_id < '1012';

-- query: case/numeric-functions
-- projects: basic-demography
SELECT record_id, ROUND(bmi) AS r, FLOOR(bmi) AS f, CEIL(bmi) AS c, ABS(weight - 80) AS dist, MOD(weight, 7) AS m
FROM demographics WHERE record_id < '1012';

-- query: case/cast-types
-- projects: validation-types-1
SELECT record_id, CAST(v_integer AS VARCHAR(20)) AS i, CAST(f_slider AS DECIMAL(10, 2)) AS s, CAST(v_number_1dp AS DOUBLE) AS d
FROM form_1 WHERE v_integer IS NOT NULL;
