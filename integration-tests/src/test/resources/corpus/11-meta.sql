-- The meta schema on its own: dictionary, export names, choices, structure.

-- query: meta/dictionary
-- projects: *
SELECT field_name, form_name, field_type, text_validation_type_or_show_slider_number, identifier, required_field
FROM meta.metadata;

-- query: meta/dictionary-labels-and-choices
-- projects: *
SELECT field_name, field_label, select_choices_or_calculations, branching_logic, field_note FROM meta.metadata;

-- query: meta/field-names
-- projects: *
SELECT original_field_name, choice_value, export_field_name FROM meta.field_names;

-- query: meta/choices
-- projects: *
SELECT field_name, code, label, sort_order FROM meta.choices;

-- query: meta/instruments
-- projects: *
SELECT instrument_name, instrument_label, table_name, repeating FROM meta.instruments;

-- query: meta/events
-- projects: *
SELECT event_name, arm_num, unique_event_name, custom_event_label, event_id, repeating FROM meta.events;

-- query: meta/arms-and-mappings
-- projects: *
SELECT a.arm_num, a.name, COUNT(m.form) AS forms FROM meta.arms a
LEFT JOIN meta.form_event_mapping m ON m.arm_num = a.arm_num GROUP BY a.arm_num, a.name;

-- query: meta/repeating
-- projects: *
SELECT event_name, form_name, custom_form_label FROM meta.repeating_forms_events;

-- query: meta/field-types-count
-- projects: *
SELECT field_type, COUNT(*) AS n FROM meta.metadata GROUP BY field_type;

-- query: meta/checkbox-options-per-field
-- projects: *
SELECT original_field_name, COUNT(*) AS options FROM meta.field_names WHERE choice_value IS NOT NULL
GROUP BY original_field_name;

-- query: meta/validated-fields
-- projects: validation-types-1
SELECT field_name, text_validation_type_or_show_slider_number AS v, text_validation_min, text_validation_max
FROM meta.metadata WHERE text_validation_type_or_show_slider_number LIKE 'number%' OR field_type = 'slider';

-- query: meta/fields-per-form-ordered
-- projects: longitudinal
-- ordered
SELECT form_name, COUNT(*) AS n FROM meta.metadata GROUP BY form_name ORDER BY n DESC, form_name;

-- query: meta/events-per-arm
-- projects: longitudinal
SELECT arm_num, COUNT(*) AS events, MIN(unique_event_name) AS first_name FROM meta.events GROUP BY arm_num;

-- query: meta/forms-designated-per-event
-- projects: longitudinal, generated
SELECT unique_event_name, COUNT(*) AS forms FROM meta.form_event_mapping GROUP BY unique_event_name;
