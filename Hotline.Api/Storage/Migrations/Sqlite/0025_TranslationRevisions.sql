-- The reviewer role: reads and corrects the intake's translations, and nothing of any case. SQLite cannot alter a
-- CHECK constraint, and rebuilding Users would cascade through the tables that reference it; widening the list of
-- allowed values changes nothing stored, so the table's definition is edited in place, as SQLite's documentation
-- allows for a constraint that only loosens. The CREATE TABLE below changes the schema cookie, so every other
-- connection reads the new definition on its next statement.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, '''Ngo'', ''Admin'')', '''Ngo'', ''Admin'', ''Reviewer'')')
WHERE type = 'table' AND name = 'Users';
PRAGMA writable_schema = RESET;

-- Corrections to the shipped translations, never changed once written: each row is a version (its Id). Intake and
-- CannedReply rows replace one text of one language; a Review row marks the language reviewed as of that version
-- (a later correction in the language takes the mark away). The script of version N is the shipped one with every
-- row up to N applied, so a conversation started under N keeps its wording. Texts are the hotline's own words,
-- never a person's, and are not encrypted.
CREATE TABLE TranslationRevisions (
    Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    Language TEXT NOT NULL,
    Kind TEXT NOT NULL CHECK (Kind IN ('Intake', 'CannedReply', 'Review')),
    TextId TEXT NULL,
    Text TEXT NULL,
    ChangedBy TEXT NOT NULL REFERENCES Users (Id),
    ChangedAt TEXT NOT NULL
);

-- The translation version a conversation's intake started under; null for one started before any correction.
ALTER TABLE Conversations ADD COLUMN TranslationVersion INTEGER NULL;
