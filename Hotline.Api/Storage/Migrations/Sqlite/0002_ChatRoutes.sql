-- Chat (Bot Framework). Columns ending in Cipher hold AES-GCM values: a bot conversation id, a chat user id
-- or name, and an activity id (which on Direct Line embeds the conversation id) can identify a person.
-- ActivityHash and the chat ids in Messages.ChannelMessageId are keyed HMACs, never the ids themselves.

-- Where replies to one conversation go, rewritten from each authenticated activity the person sends.
-- ServiceUrl is only ever taken from an activity whose token named it.
CREATE TABLE ChatRoutes (
    ConversationId TEXT NOT NULL PRIMARY KEY REFERENCES Conversations (Id),
    ServiceUrl TEXT NOT NULL,
    ChannelId TEXT NOT NULL,
    BotConversationIdCipher TEXT NOT NULL,
    BotId TEXT NOT NULL,
    BotName TEXT NULL,
    UserIdCipher TEXT NOT NULL,
    UserNameCipher TEXT NULL,
    ReplyToIdCipher TEXT NOT NULL,
    Locale TEXT NULL,
    UpdatedAt TEXT NOT NULL
);

-- Activities that carry no message (conversationUpdate, endOfConversation) and were acted on: a repeated
-- delivery of one is recognised here. Messages are recognised by Messages.ChannelMessageId instead.
CREATE TABLE ChatActivities (
    ActivityHash TEXT NOT NULL PRIMARY KEY,
    Type TEXT NOT NULL,
    ReceivedAt TEXT NOT NULL
);

-- What became of each post of a reply to the Bot Connector. The connector cannot be asked afterwards
-- whether it took a reply, so this journal, written before and after each post, is the only evidence:
-- a reply whose post started and never got a clear answer is not posted again.
CREATE TABLE ChatReplyAttempts (
    MessageId TEXT NOT NULL PRIMARY KEY REFERENCES Messages (Id),
    State TEXT NOT NULL CHECK (State IN ('Posting', 'Accepted', 'NotAccepted', 'Unknown')),
    Posts INTEGER NOT NULL DEFAULT 0,
    UpdatedAt TEXT NOT NULL
);
