namespace Hotline.Api.Media;

/// <summary>What the inspection of a downloaded file decided: keep it (its stripped copy, when it is a photo the decoder reads, written beside) or refuse it, for good.</summary>
public abstract record MediaInspection
{
    public sealed record Keep(StoredMedia Media) : MediaInspection;

    public sealed record Refuse(string Reason) : MediaInspection;
}
