-- Joins between instrument tables, with records, and with the meta tables.

-- query: joins/instrument-to-instrument
-- projects: longitudinal
SELECT d.study_id, d.first_name, c.redcap_event_name, c.complete_study_label
FROM demographics d JOIN completion_data c ON d.study_id = c.study_id;

-- query: joins/left-join-instruments
-- projects: longitudinal
SELECT d.study_id, d.redcap_event_name, b.weight2, b.prealb_b
FROM demographics d LEFT JOIN baseline_data b ON d.study_id = b.study_id AND d.redcap_event_name = b.redcap_event_name;

-- query: joins/event-pairs
-- projects: longitudinal
SELECT l.study_id, l.redcap_event_name, l.vld1, w.vbw1
FROM visit_lab_data l JOIN visit_blood_workup w
  ON l.study_id = w.study_id AND l.redcap_event_name = w.redcap_event_name
WHERE l.vld1 > w.vbw1;

-- query: joins/repeating-to-base
-- projects: vignette-repeating
SELECT i.record_id, i.height, b.redcap_repeat_instance, b.sbp, b.dbp
FROM intake i JOIN blood_pressure b ON i.record_id = b.record_id;

-- query: joins/repeating-left-join
-- projects: vignette-repeating
SELECT i.record_id, l.redcap_repeat_instance, l.lab, l.conc
FROM intake i LEFT JOIN laboratory l ON i.record_id = l.record_id;

-- query: joins/repeating-instance-pairs
-- projects: vignette-repeating
SELECT b.record_id, b.redcap_repeat_instance, b.sbp, l.lab
FROM blood_pressure b LEFT JOIN laboratory l
  ON b.record_id = l.record_id AND b.redcap_repeat_instance = l.redcap_repeat_instance;

-- query: joins/right-join
-- projects: vignette-repeating
SELECT l.record_id, l.redcap_repeat_instance, l.conc, i.image_profile
FROM image i RIGHT JOIN laboratory l
  ON i.record_id = l.record_id AND i.redcap_repeat_instance = l.redcap_repeat_instance;

-- query: joins/checkbox-forms
-- projects: checkboxes-1
SELECT a.record_id, a.form_1_complete, b.form_2_complete, b.check_one___3
FROM form_1 a JOIN form_2 b ON a.record_id = b.record_id;

-- query: joins/generated-base-and-repeats
-- projects: generated
SELECT i.f3_radio_label, COUNT(*) AS visits, COUNT(DISTINCT i.record_id) AS people
FROM instrument_1 i JOIN instrument_2 v ON i.record_id = v.record_id
WHERE i.f2_integer > 90 GROUP BY i.f3_radio_label;

-- query: joins/generated-self-join-events
-- projects: generated
SELECT a.record_id, a.redcap_repeat_instance, a.f17_slider, b.f17_slider AS later
FROM instrument_2 a JOIN instrument_2 b
  ON a.record_id = b.record_id AND a.redcap_repeat_instance = b.redcap_repeat_instance
 AND a.redcap_event_name = 'visit_1_arm_1' AND b.redcap_event_name = 'visit_2_arm_1'
WHERE a.record_id IN ('1', '3', '5', '6', '7', '8', '9');

-- query: joins/records-to-instrument
-- projects: basic-demography
SELECT r.record_id, r.bmi, d.bmi AS bmi_again FROM records r JOIN demographics d ON r.record_id = d.record_id
WHERE r.bmi <> d.bmi OR r.bmi > 35;

-- query: joins/metadata-to-field-names
-- projects: *
SELECT m.field_name, m.field_type, f.export_field_name, f.choice_value
FROM meta.metadata m JOIN meta.field_names f ON m.field_name = f.original_field_name;

-- query: joins/instruments-to-metadata
-- projects: *
SELECT i.instrument_name, i.instrument_label, COUNT(m.field_name) AS fields
FROM meta.instruments i LEFT JOIN meta.metadata m ON m.form_name = i.instrument_name
GROUP BY i.instrument_name, i.instrument_label;

-- query: joins/events-arms-mapping
-- projects: longitudinal, generated
SELECT a.name, e.event_name, e.unique_event_name, m.form
FROM meta.arms a JOIN meta.events e ON e.arm_num = a.arm_num
JOIN meta.form_event_mapping m ON m.unique_event_name = e.unique_event_name;

-- query: joins/data-to-events
-- projects: longitudinal
SELECT e.event_name, e.arm_num, COUNT(r.study_id) AS rows_here
FROM meta.events e LEFT JOIN records r ON r.redcap_event_name = e.unique_event_name
GROUP BY e.event_name, e.arm_num;

-- query: joins/data-to-choices
-- projects: basic-demography
SELECT d.record_id, c.label, c.sort_order FROM demographics d
JOIN meta.choices c ON c.field_name = 'race' AND c.code = d.race
WHERE d.record_id < '1020';

-- query: joins/generated-data-to-choices
-- projects: generated
SELECT c.label, COUNT(*) AS n FROM instrument_1 i
JOIN meta.choices c ON c.field_name = 'f3_radio' AND c.code = i.f3_radio
GROUP BY c.label;

-- query: joins/repeating-setup
-- projects: vignette-repeating, generated
SELECT r.form_name, i.instrument_label, i.repeating FROM meta.repeating_forms_events r
JOIN meta.instruments i ON i.instrument_name = r.form_name;

-- query: joins/cross-join-small
-- projects: checkboxes-1
SELECT a.record_id, b.record_id FROM form_1 a CROSS JOIN form_2 b WHERE a.record_id < b.record_id;

-- query: joins/same-record-two-tables
-- projects: dag
SELECT r.record_id, r.first_name, d.last_name FROM records r JOIN demographics d ON r.record_id = d.record_id
WHERE r.first_name <> d.last_name;
