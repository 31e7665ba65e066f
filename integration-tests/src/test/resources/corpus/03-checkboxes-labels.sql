-- Checkbox option columns (BOOLEAN, 0 on unsaved forms) and coded fields' label companions.

-- query: checkboxes/one-option
-- projects: checkboxes-1
SELECT record_id FROM form_2 WHERE check_one___1;

-- query: checkboxes/letter-codes
-- projects: checkboxes-1
SELECT record_id, check_two___a, check_two___b, check_two___c, check_two___d, check_two___e FROM records
WHERE check_two___b OR check_two___c;

-- query: checkboxes/none-ticked
-- projects: checkboxes-1
SELECT record_id FROM form_2
WHERE NOT check_one___1 AND NOT check_one___2 AND NOT check_one___3 AND NOT check_one___4;

-- query: checkboxes/count-ticked
-- projects: checkboxes-1
SELECT record_id,
  CASE WHEN check_one___1 THEN 1 ELSE 0 END + CASE WHEN check_one___2 THEN 1 ELSE 0 END
  + CASE WHEN check_one___3 THEN 1 ELSE 0 END + CASE WHEN check_one___4 THEN 1 ELSE 0 END AS ticked
FROM form_2;

-- query: checkboxes/ticked-per-option
-- projects: checkboxes-1
SELECT SUM(CASE WHEN check_two___a THEN 1 ELSE 0 END) AS a, SUM(CASE WHEN check_two___b THEN 1 ELSE 0 END) AS b,
  SUM(CASE WHEN check_two___e THEN 1 ELSE 0 END) AS e FROM form_2;

-- query: checkboxes/is-false
-- projects: checkboxes-1
SELECT record_id, form_2_complete FROM records WHERE check_two___a IS FALSE AND form_2_complete = 0;

-- query: checkboxes/longitudinal-days
-- projects: longitudinal
SELECT study_id, gym___0, gym___1, aerobics___1, eat___3, drink___4 FROM demographics
WHERE gym___1 OR aerobics___2;

-- query: checkboxes/longitudinal-blank-on-other-events
-- projects: longitudinal
SELECT study_id, redcap_event_name, meds___1, meds___2 FROM records WHERE meds___1 IS NULL;

-- query: checkboxes/validation-types
-- projects: validation-types-1
SELECT record_id FROM records WHERE f_checkbox___0 AND NOT f_checkbox___2;

-- query: checkboxes/generated-count
-- projects: generated
SELECT COUNT(*) FROM instrument_1 WHERE f10_checkbox___2 AND f10_checkbox___3;

-- query: checkboxes/generated-repeating
-- projects: generated
SELECT redcap_event_name, COUNT(*) AS n FROM instrument_2 WHERE f19_checkbox___4 AND NOT f19_checkbox___1
GROUP BY redcap_event_name;

-- query: checkboxes/generated-records-blank-rows
-- projects: generated
SELECT COUNT(*) FROM records WHERE f10_checkbox___1 IS NULL AND redcap_repeat_instrument IS NULL;

-- query: labels/radio
-- projects: basic-demography
SELECT sex, sex_label, COUNT(*) AS n FROM demographics GROUP BY sex, sex_label;

-- query: labels/dropdown
-- projects: basic-demography
SELECT record_id, race, race_label FROM demographics WHERE race_label LIKE '%Black%';

-- query: labels/filter-on-label
-- projects: dag, basic-demography
SELECT record_id, ethnicity FROM records WHERE ethnicity_label = 'Unknown / Not Reported';

-- query: labels/yesno-truefalse
-- projects: validation-types-1
SELECT record_id, f_yes_no, f_yes_no_label, f_true_false, f_true_false_label FROM form_1
WHERE f_yes_no_label = 'Yes' OR f_true_false_label = 'False';

-- query: labels/radio-dropdown-validation
-- projects: validation-types-1
SELECT record_id, f_radio_label, f_dropdown_label FROM records WHERE f_radio_label <> f_dropdown_label;

-- query: labels/null-when-blank
-- projects: validation-types-1
SELECT record_id FROM form_1 WHERE f_radio IS NULL AND f_radio_label IS NULL;

-- query: labels/longitudinal-label-columns
-- projects: longitudinal
SELECT study_id, redcap_event_name, vbw7, vbw7_label, vbw8_label, pmq1_label FROM records WHERE vbw7 IS NOT NULL;

-- query: labels/generated-label-groups
-- projects: generated
SELECT f8_dropdown_label, COUNT(*) AS n FROM instrument_1 GROUP BY f8_dropdown_label;

-- query: labels/generated-truefalse-label
-- projects: generated
SELECT f14_truefalse, f14_truefalse_label, COUNT(*) AS n FROM instrument_2 GROUP BY f14_truefalse, f14_truefalse_label;

-- query: labels/label-matches-meta-choices
-- projects: basic-demography, longitudinal, validation-types-1, generated
SELECT c.field_name, c.code, c.label FROM meta.choices c
WHERE c.field_name IN (SELECT field_name FROM meta.metadata WHERE field_type IN ('radio', 'dropdown'));
