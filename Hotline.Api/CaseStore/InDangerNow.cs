namespace Hotline.Api.CaseStore;

/// <summary>
/// Whether a case's person is in danger right now, by its triage reasons: they answered "are you in danger right now?" yes
/// (<c>immediate_danger</c>), wrote an urgent word (<c>urgent_word</c>) or wrote a distress word (<c>distress_word</c>), for
/// which the phone was told to call the emergency number now. Each makes the case Critical, and "Take next case" gives such
/// a case before the other Critical cases of its step (docs/casework.md, "Take next, take this one"). Stored with the reasons
/// (<c>Cases.InDangerNow</c>, migration 0032) so that the claim reads it from the queue index.
/// </summary>
public static class InDangerNow
{
    /// <summary>
    /// The reason codes that say it. Migration 0032 names the first two for the cases queued before it; a distress word made a
    /// case only High then, and such a case keeps the band and the place it was queued with.
    /// </summary>
    public static readonly IReadOnlyList<string> Reasons = ["immediate_danger", "urgent_word", "distress_word"];

    public static bool Among(IReadOnlyList<string> reasons) => reasons.Any(Reasons.Contains);
}
