-- The retention sweep deletes these records by age.
CREATE INDEX IX_ChatActivities_ReceivedAt ON ChatActivities (ReceivedAt);
CREATE INDEX IX_EarlyDeliveryStatuses_ReceivedAt ON EarlyDeliveryStatuses (ReceivedAt);
