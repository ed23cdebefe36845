-- The language the person wrote in, kept apart from Language (which caseworkers may answer the case): a
-- transfer to another language group changes who answers, never what statistics count as the person's language.
ALTER TABLE dbo.Cases ADD PersonLanguage NVARCHAR(35) NOT NULL CONSTRAINT DF_Cases_PersonLanguage DEFAULT N'und';
GO

UPDATE dbo.Cases SET PersonLanguage = Language;
