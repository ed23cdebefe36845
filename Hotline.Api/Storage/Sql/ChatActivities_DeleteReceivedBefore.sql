DELETE FROM ChatActivities
WHERE ReceivedAt < @Before;
