using Hotline.Api.Translations;
using Hotline.Bot.Intake.Engine;

namespace Hotline.Api.IntakeHost;

/// <summary>The engine a conversation's turn is taken by, and the translation version it speaks.</summary>
public sealed record VersionedEngine(IConversationEngine Engine, long TranslationVersion);

/// <summary>
/// Picks the engine for a conversation: an intake that has started keeps the translations it started under (the
/// version is stored on the conversation), and one that starts now (no engine state yet) takes the newest. Version 0
/// is the shipped script, and its engine is the one the host registers; a later version's engine is built once from
/// the shipped script and the stored corrections, behind the same fault guard.
/// </summary>
public sealed class IntakeEngines(IConversationEngine shipped, EngineFaultHandoff guard, TranslationBooks books, IOptions<IntakeHostOptions> options)
{
    private const int KeptVersions = 16;

    private readonly ConcurrentDictionary<long, IConversationEngine> _engines = new();
    private readonly Lazy<TriageRules> _triage = new(TriageRules.LoadDefault);

    public async Task<VersionedEngine> ForConversationAsync(DbSession session, Conversation conversation, CancellationToken cancellationToken)
    {
        var version = conversation.EngineState is not null
            ? conversation.TranslationVersion ?? 0
            : await books.LatestVersionAsync(session, cancellationToken);
        return new VersionedEngine(await ForVersionAsync(session, version, cancellationToken), version);
    }

    private async Task<IConversationEngine> ForVersionAsync(DbSession session, long version, CancellationToken cancellationToken)
    {
        if (version == 0)
        {
            return shipped;
        }

        if (_engines.TryGetValue(version, out var known))
        {
            return known;
        }

        var book = await books.ForVersionAsync(session, version, cancellationToken);
        var engine = guard.Guarding(new IntakeEngine(book.Script, _triage.Value, options.Value.ToEngineOptions()));
        if (_engines.Count >= KeptVersions)
        {
            _engines.Clear();
        }

        return _engines.GetOrAdd(version, engine);
    }
}
