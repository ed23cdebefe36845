using Hotline.Bot.CannedReplies;
using Hotline.Bot.Intake.Loading;
using Hotline.Bot.Intake.Scripts;

namespace Hotline.Api.Translations;

/// <summary>
/// The translations as of one version: the shipped script and canned replies with every stored correction up to
/// it applied, and each language's review state (reviewed once a reviewer marked it, until the next correction in
/// it). Immutable: a conversation started under this version keeps hearing these words.
/// </summary>
public sealed class TranslationBook
{
    private readonly IntakeScript _shippedScript;
    private readonly CannedReplyCatalog _shippedReplies;
    private readonly Lazy<SafetyQuestion> _safetyQuestion;

    private TranslationBook(IntakeScript shippedScript, CannedReplyCatalog shippedReplies, long version, IReadOnlyList<TranslationRevision> revisions,
        IntakeScript script, CannedReplyCatalog replies)
    {
        _shippedScript = shippedScript;
        _shippedReplies = shippedReplies;
        Version = version;
        Revisions = revisions;
        Script = script;
        Replies = replies;
        _safetyQuestion = new(() => new SafetyQuestion(SafetyQuestionWordings()));
    }

    public long Version { get; }

    /// <summary>The corrections applied, oldest first.</summary>
    public IReadOnlyList<TranslationRevision> Revisions { get; }

    public IntakeScript Script { get; }

    public CannedReplyCatalog Replies { get; }

    /// <summary>
    /// Recognises a caseworker's reply that asks whether it is safe to write, in every wording the question has had up to this
    /// version: the canned reply and the intake's own question, in every language, as shipped and as each correction made
    /// them. A console loaded before a correction still offers the words it had, and a case's language may not be hers.
    /// </summary>
    public SafetyQuestion SafetyQuestion => _safetyQuestion.Value;

    /// <summary>
    /// The book of <paramref name="version"/>. A stored correction the shipped files no longer accept (a new release
    /// changed the English text's placeholders, or dropped the text) is left out and reported through
    /// <paramref name="leftOut"/>: the shipped translation stands, and the hotline starts.
    /// </summary>
    public static TranslationBook Build(IntakeScript shippedScript, CannedReplyCatalog shippedReplies, long version,
        IReadOnlyList<TranslationRevision> revisions, Action<TranslationRevision, string> leftOut)
    {
        try
        {
            return Apply(shippedScript, shippedReplies, version, revisions);
        }
        catch (Exception ex) when (ex is ScriptValidationException or CannedReplyException)
        {
            var accepted = new List<TranslationRevision>();
            foreach (var revision in revisions)
            {
                try
                {
                    Apply(shippedScript, shippedReplies, version, [revision]);
                    accepted.Add(revision);
                }
                catch (Exception refused) when (refused is ScriptValidationException or CannedReplyException)
                {
                    leftOut(revision, refused.Message);
                }
            }

            return Apply(shippedScript, shippedReplies, version, accepted);
        }
    }

    /// <summary>The book with one more correction, checked as the loader checks a script file; throws
    /// <see cref="ScriptValidationException"/> or <see cref="CannedReplyException"/> naming what is wrong with it.</summary>
    public TranslationBook With(TranslationRevision revision) =>
        Apply(_shippedScript, _shippedReplies, revision.Id, [.. Revisions, revision]);

    /// <summary>Whether a native speaker has reviewed the language as it stands, and the mark that says so.</summary>
    public (bool Reviewed, TranslationRevision? Mark) ReviewOf(string language)
    {
        var last = Revisions.LastOrDefault(r => r.Language == language);
        return last is { Kind: TranslationKinds.Review } ? (true, last) : (Script.FindLanguage(language)?.Reviewed ?? false, null);
    }

    /// <summary>The last correction of one text, or null while it is the shipped one.</summary>
    public TranslationRevision? LastChangeOf(string kind, string language, string textId) =>
        Revisions.LastOrDefault(r => r.Kind == kind && r.Language == language && r.TextId == textId);

    private IEnumerable<string> SafetyQuestionWordings()
    {
        var shippedCanned = _shippedReplies.Languages
            .Select(language => _shippedReplies.For(language).First(r => r.Id == CannedReplyCatalog.SafeToWriteId).Text);
        var shippedIntake = _shippedScript.Languages.Select(language => _shippedScript.Text(language.Tag, _shippedScript.ResumeStepId));
        var corrected = Revisions
            .Where(r => (r.Kind == TranslationKinds.CannedReply && r.TextId == CannedReplyCatalog.SafeToWriteId)
                || (r.Kind == TranslationKinds.Intake && r.TextId == _shippedScript.ResumeStepId))
            .Select(r => r.Text ?? "");
        return shippedCanned.Concat(shippedIntake).Concat(corrected);
    }

    private static TranslationBook Apply(IntakeScript shippedScript, CannedReplyCatalog shippedReplies, long version, IReadOnlyList<TranslationRevision> revisions)
    {
        var intake = new Dictionary<TranslationKey, string>();
        var canned = new Dictionary<TranslationKey, string>();
        var reviewed = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var revision in revisions)
        {
            var target = revision.Kind switch
            {
                TranslationKinds.Intake => intake,
                TranslationKinds.CannedReply => canned,
                _ => null,
            };
            if (target is not null)
            {
                target[new TranslationKey(revision.Language, revision.TextId ?? "")] = revision.Text ?? "";
            }

            reviewed[revision.Language] = revision.Kind == TranslationKinds.Review;
        }

        var script = shippedScript.Revise(intake, reviewed);
        var replies = shippedReplies.Revise(canned, reviewed, tag => script.FindLanguage(tag)?.Script);
        return new TranslationBook(shippedScript, shippedReplies, version, revisions, script, replies);
    }
}
