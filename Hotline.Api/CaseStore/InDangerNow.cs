namespace Hotline.Api.CaseStore;

/// <summary>
/// Whether a case's person is in danger right now, by its triage reasons: they answered "are you in danger right now?" yes
/// (<c>immediate_danger</c>) or wrote an urgent word (<c>urgent_word</c>). Both make the case Critical, and "Take next case"
/// gives such a case before the other Critical cases of its step (docs/casework.md, "Take next, take this one"). Stored with
/// the reasons (<c>Cases.InDangerNow</c>, migration 0032) so that the claim reads it from the queue index.
/// </summary>
public static class InDangerNow
{
    /// <summary>The reason codes that say it; migration 0032 names the same ones for the cases queued before it.</summary>
    public static readonly IReadOnlyList<string> Reasons = ["immediate_danger", "urgent_word"];

    public static bool Among(IReadOnlyList<string> reasons) => reasons.Any(Reasons.Contains);
}
