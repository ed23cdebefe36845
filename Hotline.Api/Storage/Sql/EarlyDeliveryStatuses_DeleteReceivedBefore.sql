DELETE FROM EarlyDeliveryStatuses
WHERE ReceivedAt < @Before;
