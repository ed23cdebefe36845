using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>
/// The SQL Server type each statement parameter arrives as, by parameter name: the repositories bind a
/// name to one C# type throughout, and Dapper with Hotline's type handlers sends Guid as UNIQUEIDENTIFIER,
/// DateTimeOffset as DATETIME2 (its UTC time), string as NVARCHAR(4000), int as INT, long as BIGINT and
/// bool as BIT. A test keeps this table complete (every parameter a statement uses is here) and free of
/// names no statement uses.
/// </summary>
internal static class SqlServerParameters
{
    private const string Id = "UNIQUEIDENTIFIER";
    private const string Time = "DATETIME2";
    private const string Text = "NVARCHAR(4000)";

    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Action"] = Text, ["ActivityHash"] = Text, ["AnchoredAt"] = Time, ["AnchorMac"] = Text, ["Active"] = "BIT", ["Actor"] = Text, ["ActorUserId"] = Id, ["AddressCipher"] = Text, ["AddressHash"] = Text,
        ["After"] = "BIGINT", ["All"] = "INT", ["AuthorUserId"] = Id, ["Before"] = Time, ["BeforeSequence"] = "BIGINT", ["BodyCipher"] = Text,
        ["BotConversationIdCipher"] = Text, ["BotId"] = Text, ["BotName"] = Text, ["CaseId"] = Id, ["ChangedAt"] = Time, ["ChangedBy"] = Id, ["CaselessOnly"] = "INT", ["ClosedAt"] = Time, ["CodeHash"] = Text, ["Critical"] = "INT", ["Channel"] = Text,
        ["ChannelId"] = Text, ["ChannelMessageId"] = Text, ["ChatClosedReason"] = Text, ["ClientAddress"] = Text, ["ContactEmail"] = Text, ["ContactName"] = Text,
        ["ContactPhone"] = Text, ["ContentType"] = Text, ["ContactRoute"] = Text, ["ConversationId"] = Id, ["Count"] = "BIGINT", ["CreatedAt"] = Time,
        ["CreatedBy"] = Id, ["Data"] = Text, ["Delivered"] = "INT", ["DeliveryError"] = Text, ["DeliveryRank"] = "INT",
        ["DeliveryStatus"] = Text, ["Dimension"] = Text, ["Direction"] = Text, ["Disabled"] = "BIT", ["DisplayName"] = Text,
        ["EngineStateCipher"] = Text, ["EvidenceCipher"] = Text, ["HasView"] = "BIT", ["Height"] = "INT", ["ExpectedVersion"] = "INT", ["Filler"] = Text, ["From"] = Text, ["FromMonth"] = Text, ["FromUserId"] = Id, ["GivenAt"] = Time, ["GivenBy"] = Text,
        ["Id"] = Id, ["Ids"] = Text, ["ImportedAt"] = Time, ["InDangerNow"] = "BIT", ["IntakeQuestion"] = "INT", ["IntakeQuestions"] = "INT", ["IssuedOn"] = Text, ["KeepId"] = Id, ["Keys"] = Text, ["Kind"] = Text, ["LockTimeoutMilliseconds"] = "INT", ["Language"] = Text, ["Languages"] = Text,
        ["LastError"] = Text, ["LastInboundAt"] = Time, ["LeaseExpiresAt"] = Time, ["LeaseToken"] = Id, ["Locale"] = Text,
        ["LockUntil"] = Time, ["Mac"] = Text, ["MaxFailures"] = "INT", ["MediaCipher"] = Text, ["MessageId"] = Id, ["MessageSid"] = Text, ["MustChangePassword"] = "BIT", ["Month"] = Text,
        ["Name"] = Text, ["Nationality"] = Text, ["NewLeaseToken"] = Id, ["NextAttemptAt"] = Time, ["NotBefore"] = Time,
        ["Now"] = Time, ["OccurredAt"] = Time, ["OpenedAt"] = Time, ["OrganisationId"] = Id, ["Outcome"] = Text,
        ["OutcomeNoteCipher"] = Text, ["OutcomeUnknown"] = "BIT", ["PartnerId"] = Id, ["PasswordHash"] = Text,
        ["PhoneHash"] = Text, ["Position"] = "INT", ["Priority"] = "INT", ["Programme"] = Text, ["ProviderMessageId"] = Text, ["QuarantinedAt"] = Time, ["QueuedAt"] = Time,
        ["Reason"] = Text, ["ReceivedAt"] = Time, ["Reference"] = Text, ["Regions"] = Text, ["RegionCipher"] = Text, ["ReplyToIdCipher"] = Text,
        ["Role"] = Text, ["RowId"] = Text, ["SecurityStamp"] = Text, ["Segments"] = "INT", ["Sequence"] = "BIGINT", ["SendWhileQuietAtVersion"] = "INT", ["Sha256"] = Text, ["SizeBytes"] = "BIGINT", ["SourceCipher"] = Text, ["StoredAt"] = Time, ["SentAt"] = Time, ["Since"] = Time, ["StartedAt"] = Time, ["Service"] = Text, ["Source"] = Text, ["Services"] = Text,
        ["SafetyQuestionMessageId"] = Id, ["EarlierSafetyQuestionMessageId"] = Id, ["ServiceUrl"] = Text, ["SharedFields"] = Text, ["SharedPriority"] = "INT", ["SharedTriageReasons"] = Text, ["SilentSince"] = Time, ["State"] = Text, ["Status"] = Text,
        ["StatusReason"] = Text, ["Step"] = "BIGINT", ["Subject"] = Text, ["SummaryCipher"] = Text, ["SupervisorId"] = Id, ["Take"] = "INT", ["To"] = Text, ["ToUserId"] = Id, ["TraceParent"] = Text,
        ["TotalSeconds"] = "BIGINT", ["TotpSecret"] = Text, ["TriageReasons"] = Text, ["TriageScore"] = "INT", ["Text"] = Text, ["TextId"] = Text, ["ThroughVersion"] = "BIGINT", ["TranslationVersion"] = "BIGINT", ["Type"] = Text, ["Unknown"] = Text, ["Until"] = "BIGINT",
        ["UpdatedAt"] = Time, ["UserId"] = Id, ["UserIdCipher"] = Text, ["UserName"] = Text, ["UserNameCipher"] = Text,
        ["Value"] = Text, ["Version"] = "INT", ["Width"] = "INT", ["WrittenThrough"] = Time,
        ["AfterId"] = Id, ["CurrentKeyPrefix"] = Text, ["KeyPrefixLength"] = "INT", ["OldAddressCipher"] = Text, ["OldBodyCipher"] = Text,
        ["OldBotConversationIdCipher"] = Text, ["OldData"] = Text, ["OldEngineStateCipher"] = Text, ["OldMediaCipher"] = Text,
        ["OldEvidenceCipher"] = Text, ["OldOutcomeNoteCipher"] = Text, ["OldRegionCipher"] = Text, ["OldReplyToIdCipher"] = Text, ["OldSourceCipher"] = Text, ["OldSummaryCipher"] = Text, ["OldTotpSecret"] = Text,
        ["OldUserIdCipher"] = Text, ["OldUserNameCipher"] = Text,
        ["FriendlyName"] = Text, ["XmlCipher"] = Text, ["OldXmlCipher"] = Text,
    };

    /// <summary>The parameters a statement reads: variables it names but does not DECLARE, without the '@'.</summary>
    public static IReadOnlyList<string> Of(TSqlFragment statement)
    {
        var collector = new Collector();
        statement.Accept(collector);
        return collector.Used.Except(collector.Declared, StringComparer.OrdinalIgnoreCase)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private sealed class Collector : TSqlFragmentVisitor
    {
        public List<string> Used { get; } = [];

        public List<string> Declared { get; } = [];

        public override void Visit(VariableReference node) => Used.Add(node.Name.TrimStart('@'));

        public override void Visit(DeclareVariableElement node) => Declared.Add(node.VariableName.Value.TrimStart('@'));

        // In `EXEC proc @Name = value`, @Name is the callee's parameter, not one of ours.
        public override void Visit(ExecuteParameter node)
        {
            if (node.Variable is { } name)
            {
                Declared.Add(name.Name.TrimStart('@'));
            }
        }
    }
}
