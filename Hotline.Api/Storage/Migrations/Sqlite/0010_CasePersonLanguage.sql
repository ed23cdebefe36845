-- The language the person wrote in, kept apart from Language (which caseworkers may answer the case): a
-- transfer to another language group changes who answers, never what statistics count as the person's language.
ALTER TABLE Cases ADD COLUMN PersonLanguage TEXT NOT NULL DEFAULT 'und';

UPDATE Cases SET PersonLanguage = Language;
