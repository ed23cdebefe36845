-- Filtered on where this instance started: the row lock makes a second instance wait, then find it moved
-- and count nothing twice.
UPDATE StatisticsCheckpoints
SET LastSequence = @Until
WHERE Name = @Name AND LastSequence = @After;
