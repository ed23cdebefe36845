-- Records a language once, from the month given. A language's month never changes once recorded (the months already
-- published would change with it), so a second instance starting at the same time, recording it too, changes nothing:
-- the key range stays locked from the check to the insert.
IF NOT EXISTS (SELECT 1 FROM dbo.StatisticsLanguages WITH (UPDLOCK, HOLDLOCK) WHERE Language = @Language)
    INSERT INTO dbo.StatisticsLanguages (Language, FromMonth)
    VALUES (@Language, @FromMonth);
