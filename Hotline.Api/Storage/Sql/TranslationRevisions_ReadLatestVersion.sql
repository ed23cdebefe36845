SELECT COALESCE(MAX(Id), 0) FROM TranslationRevisions;
