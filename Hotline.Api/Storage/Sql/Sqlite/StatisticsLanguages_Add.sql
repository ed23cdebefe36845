-- Records a language once, from the month given. A language's month never changes once recorded (the months already
-- published would change with it), so a second instance starting at the same time, recording it too, changes nothing.
INSERT INTO StatisticsLanguages (Language, FromMonth)
VALUES (@Language, @FromMonth)
ON CONFLICT (Language) DO NOTHING;
