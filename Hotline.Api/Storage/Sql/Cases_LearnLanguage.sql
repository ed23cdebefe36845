-- The person chose a language after their case opened without one: it now goes to that language's caseworkers. Its
-- status, holder and place in the queue stay; PersonLanguage, which was unknown too, records the language now known.
UPDATE Cases
SET Language = @Language,
    PersonLanguage = CASE WHEN PersonLanguage = @Unknown THEN @Language ELSE PersonLanguage END,
    Version = Version + 1
WHERE Id = @Id AND Language = @Unknown AND Status IN ('Queued', 'Claimed');
