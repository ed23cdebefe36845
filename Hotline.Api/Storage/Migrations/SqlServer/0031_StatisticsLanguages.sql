-- The languages the statistics count cases in, each from the month the intake began to speak it (yyyy-MM): a language
-- added to the intake later is a row from that month on, not a zero in the months already published, where it would
-- change their suppression. Filled at start from the intake script (StatisticsLanguages).
CREATE TABLE dbo.StatisticsLanguages (
    Language NVARCHAR(200) NOT NULL CONSTRAINT PK_StatisticsLanguages PRIMARY KEY,
    FromMonth CHAR(7) NOT NULL
);
