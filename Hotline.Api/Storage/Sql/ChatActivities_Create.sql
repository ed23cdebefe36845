INSERT INTO ChatActivities (ActivityHash, Type, ReceivedAt)
VALUES (@ActivityHash, @Type, @ReceivedAt);
