INSERT INTO TranslationRevisions (Language, Kind, TextId, Text, ChangedBy, ChangedAt)
VALUES (@Language, @Kind, @TextId, @Text, @ChangedBy, @ChangedAt);
