-- Chat (Bot Framework). Columns ending in Cipher hold AES-GCM values: a bot conversation id, a chat user id
-- or name, and an activity id (which on Direct Line embeds the conversation id) can identify a person.
-- ActivityHash and the chat ids in Messages.ChannelMessageId are keyed HMACs, never the ids themselves.

-- Where replies to one conversation go, rewritten from each authenticated activity the person sends.
-- ServiceUrl is only ever taken from an activity whose token named it.
CREATE TABLE dbo.ChatRoutes (
    ConversationId UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_ChatRoutes PRIMARY KEY
        CONSTRAINT FK_ChatRoutes_Conversations REFERENCES dbo.Conversations (Id),
    ServiceUrl NVARCHAR(512) NOT NULL,
    ChannelId NVARCHAR(32) NOT NULL,
    BotConversationIdCipher NVARCHAR(MAX) NOT NULL,
    BotId NVARCHAR(512) NOT NULL,
    BotName NVARCHAR(256) NULL,
    UserIdCipher NVARCHAR(MAX) NOT NULL,
    UserNameCipher NVARCHAR(MAX) NULL,
    ReplyToIdCipher NVARCHAR(MAX) NOT NULL,
    Locale NVARCHAR(35) NULL,
    UpdatedAt DATETIME2(3) NOT NULL
);

-- Activities that carry no message (conversationUpdate, endOfConversation) and were acted on: a repeated
-- delivery of one is recognised here. Messages are recognised by Messages.ChannelMessageId instead.
CREATE TABLE dbo.ChatActivities (
    ActivityHash VARCHAR(64) NOT NULL CONSTRAINT PK_ChatActivities PRIMARY KEY,
    Type NVARCHAR(64) NOT NULL,
    ReceivedAt DATETIME2(3) NOT NULL
);

-- What became of each post of a reply to the Bot Connector. The connector cannot be asked afterwards
-- whether it took a reply, so this journal, written before and after each post, is the only evidence:
-- a reply whose post started and never got a clear answer is not posted again.
CREATE TABLE dbo.ChatReplyAttempts (
    MessageId UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_ChatReplyAttempts PRIMARY KEY
        CONSTRAINT FK_ChatReplyAttempts_Messages REFERENCES dbo.Messages (Id),
    State NVARCHAR(20) NOT NULL
        CONSTRAINT CK_ChatReplyAttempts_State CHECK (State IN (N'Posting', N'Accepted', N'NotAccepted', N'Unknown')),
    Posts INT NOT NULL CONSTRAINT DF_ChatReplyAttempts_Posts DEFAULT 0,
    UpdatedAt DATETIME2(3) NOT NULL
);
