-- A phone number's conversations on SMS and WhatsApp share one lookup hash.
SELECT Id
FROM Conversations
WHERE AddressHash = @AddressHash;
