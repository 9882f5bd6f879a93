"""Rows to insert at each revision, in that revision's own schema (raw SQL, never the models).

When you add a revision, add its seed here: the test refuses a revision without one. Each seed
returns {table: number of rows it added}.
"""

SEED_0001 = """
INSERT INTO organisation (id, version, created_at, updated_at, name, kind, sort_key)
    VALUES (1, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', 'Stadt Bochum', 'city_administration',
            'stadt bochum');
INSERT INTO person (id, version, created_at, updated_at, first_name, last_name, organisation_id, sort_key)
    VALUES (1, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', 'Denes', 'Kücük', 1, 'kucuk	denes'),
           (2, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', NULL, 'Kopietz', 1, 'kopietz	');
INSERT INTO phone_number (id, person_id, position, kind, e164, extension)
    VALUES (1, 1, 0, 'office', '+49234910', '1234');
INSERT INTO visit (id, version, created_at, updated_at, title, host_organisation_id, starts_at, ends_at,
                   press_contact_id)
    VALUES (1, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', 'Besuch', 1, '2026-02-24 09:30:00',
            '2026-02-24 16:00:00', 2);
INSERT INTO participation (id, version, created_at, updated_at, visit_id, person_id, side, role)
    VALUES (1, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', 1, 1, 'host', 'speaker'),
           (2, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', 1, 2, 'host', 'host');
INSERT INTO agenda_item (id, version, created_at, updated_at, visit_id, title, responsible_person_id)
    VALUES (1, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', 1, 'Begrüßung', 2);
INSERT INTO quote (id, version, created_at, updated_at, visit_id, text, speaker_person_id, agenda_item_id)
    VALUES (1, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', 1, '„Wichtig ist …“', 2, 1);
INSERT INTO contact_entry (id, version, created_at, updated_at, occurred_at, summary, visit_id)
    VALUES (1, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', '2026-03-01 11:00:00', 'Dank', 1);
INSERT INTO contact_entry_person (contact_entry_id, person_id) VALUES (1, 1), (1, 2);
INSERT INTO follow_up (id, version, created_at, updated_at, title, owner_person_id, visit_id,
                       contact_entry_id)
    VALUES (1, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', 'Strategiepapier senden', 1, 1, 1);
"""

SEEDS = {"0001": SEED_0001}

SEED_0002 = """
INSERT INTO audit_entry (id, at, user_name, operation, action, table_name, record_id, old_values,
                         new_values)
    VALUES (1, '2026-03-01 11:00:00', 'mmuster', 'a1', 'update', 'person', 1, '{"function": null}',
            '{"function": "Stadtdirektor"}');
INSERT INTO recycled_record (id, deleted_at, user_name, table_name, record_id, title, rows, detached)
    VALUES (1, '2026-03-02 09:00:00', 'mmuster', 'organisation', 7, 'Stadtwerke',
            '[["organisation", {"id": 7, "name": "Stadtwerke"}]]', '[]');
"""

SEEDS["0002"] = SEED_0002

# Written with the plain sqlite3 module: the search index's triggers must work without the app's
# SQL functions.
SEED_0003 = """
INSERT INTO organisation (id, version, created_at, updated_at, name, kind, sort_key)
    VALUES (2, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', 'Stadt Łódź', 'city_administration',
            'stadt lodz');
INSERT INTO person (id, version, created_at, updated_at, first_name, last_name, organisation_id, sort_key)
    VALUES (3, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', 'Jörg', 'Straßmann', 2, 'strassmann	jorg');
UPDATE organisation SET name = 'Miasto Łódź', version = 2 WHERE id = 2;
"""

SEEDS["0003_search_index"] = SEED_0003

# Written in 0004's schema, keys included; tests/storage/test_people_sort_keys.py checks that the
# upgrade fills them for rows that were there before.
SEED_0004 = """
INSERT INTO person (id, version, created_at, updated_at, first_name, last_name, function, email, sort_key,
                    function_sort_key, email_sort_key, phone_sort_key)
    VALUES (4, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', 'Ayşe', 'Öztürk', 'Ärztin',
            'a.oeztuerk@example.org', 'ozturk	ayse', 'arztin', 'a.oeztuerk@example.org', '+49234910');
INSERT INTO phone_number (id, person_id, position, kind, e164, extension)
    VALUES (2, 4, 1, 'mobile', '+491701234567', NULL), (3, 4, 0, 'office', '+49234910', '12');
"""

SEEDS["0004_people_sort_keys"] = SEED_0004

# A family-name-first person with a profile, a visit with its preparation texts.
SEED_0005 = """
INSERT INTO person (id, version, created_at, updated_at, first_name, last_name, sort_key, profile,
                    family_name_first)
    VALUES (5, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', '小明', '王', '王	小明',
            'Bürgermeister seit 2020.', 1);
INSERT INTO visit (id, version, created_at, updated_at, title, talking_points, protocol_notes, logistics)
    VALUES (2, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00', 'Besuch aus Wuhan', 'Partnerschaft',
            'Gastgeschenk: Bildband', 'Treffpunkt: Rathaus, Haupteingang');
"""

SEEDS["0005_briefing_fields"] = SEED_0005

# 0006: a quote approved with other wording, its request's follow-up, and a rejected one.
SEED_0006 = """
INSERT INTO follow_up (id, version, created_at, updated_at, title, due_on, visit_id)
    VALUES (2, 1, '2026-03-01 10:00:00', '2026-03-01 10:00:00', 'Freigabe der Zitate von Kopietz',
            '2026-03-10', 1);
INSERT INTO quote (id, version, created_at, updated_at, visit_id, text, speaker_person_id, approval_state,
                   approved_text, approval_sent_to, approval_channel, approval_sent_on, approval_follow_up_id)
    VALUES (2, 1, '2026-03-01 10:00:00', '2026-03-01 10:00:00', 1, '„Gut so.“', 2, 'approved',
            '„Sehr gut so.“', 'Kopietz <kopietz@example.org>', 'email', '2026-03-01', 2),
           (3, 1, '2026-03-01 10:00:00', '2026-03-01 10:00:00', 1, '„Nein.“', 2, 'rejected', NULL, NULL, NULL,
            NULL, NULL);
"""

SEEDS["0006_quote_approval"] = SEED_0006

# 0007: an open follow-up overdue and a done one (the new index holds only the open one).
SEED_0007 = """
INSERT INTO follow_up (id, version, created_at, updated_at, title, due_on, done_on, visit_id)
    VALUES (3, 1, '2026-03-01 10:00:00', '2026-03-01 10:00:00', 'Fotos schicken', '2026-03-05', NULL, 1),
           (4, 1, '2026-03-01 10:00:00', '2026-03-01 10:00:00', 'Dank schreiben', '2026-03-04',
            '2026-03-03', 1);
"""

SEEDS["0007_open_follow_up_index"] = SEED_0007

# 0008: a person whose long word is found by its first eight letters after the index is rebuilt.
SEED_0008 = """
INSERT INTO person (id, version, created_at, updated_at, first_name, last_name, sort_key)
    VALUES (9, 1, '2026-03-01 10:00:00', '2026-03-01 10:00:00', 'Ida', 'Straßenbahner', 'strassenbahner	ida');
"""

SEEDS["0008_search_prefixes"] = SEED_0008

# 0009: a follow-up whose long word is found by its first 15 letters after the index is rebuilt.
SEED_0009 = """
INSERT INTO follow_up (id, version, created_at, updated_at, title, due_on, done_on, visit_id)
    VALUES (5, 1, '2026-03-01 10:00:00', '2026-03-01 10:00:00', 'Oberbürgermeisterin einladen',
            NULL, NULL, 1);
"""

SEEDS["0009_search_long_prefixes"] = SEED_0009

# 0010: two people placed into name order by the triggers, one between two who were numbered by the
# upgrade (tests/storage/test_people_name_order.py checks the order itself).
SEED_0010 = """
INSERT INTO person (id, version, created_at, updated_at, first_name, last_name, sort_key)
    VALUES (10, 1, '2026-03-01 10:00:00', '2026-03-01 10:00:00', 'Lea', 'Krause', 'krause	lea'),
           (11, 1, '2026-03-01 10:00:00', '2026-03-01 10:00:00', NULL, 'Zyla', 'zyla	');
UPDATE person SET last_name = 'Anders', sort_key = 'anders	lea' WHERE id = 10;
"""

SEEDS["0010_people_in_name_order"] = SEED_0010
