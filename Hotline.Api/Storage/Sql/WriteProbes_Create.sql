-- Always rolled back: it only asks whether the database can grow by a row larger than a page.
INSERT INTO WriteProbes (Filler) VALUES (@Filler);
