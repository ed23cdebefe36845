-- Everything an inbound message reads before it joins the single writer, in one statement and so one read
-- transaction: whether its channel message id is stored already (a repeat, answered without a turn), the
-- conversation of its address, and that conversation's open case as the intake engine sees it (the same
-- columns as Cases_ReadOpenForIntake). Always one row: the anchor keeps it when nothing is found.
SELECT r.ConversationId AS RepeatConversationId, r.CaseId AS RepeatCaseId,
       c.Id, c.Channel, c.AddressCipher, c.Language, c.EngineStateCipher, c.Status, c.StatusReason, c.CreatedAt, c.LastInboundAt,
       c.Version, c.TranslationVersion,
       o.Id AS OpenCaseId,
       CASE WHEN EXISTS (SELECT 1 FROM Messages AS m WHERE m.CaseId = o.Id AND m.AuthorUserId IS NOT NULL) THEN 1 ELSE 0 END AS CaseworkerHasWritten
FROM (SELECT 1 AS Anchor) AS a
LEFT JOIN Messages AS r ON r.Channel = @Channel AND r.ChannelMessageId = @ChannelMessageId
LEFT JOIN Conversations AS c ON c.Channel = @Channel AND c.AddressHash = @AddressHash
LEFT JOIN Cases AS o ON o.ConversationId = c.Id AND o.Status IN ('Queued', 'Claimed');
