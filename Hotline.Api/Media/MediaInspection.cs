namespace Hotline.Api.Media;

/// <summary>What the inspection of a downloaded file decided: keep it (with the stripped copy to show, when it is a photo the decoder reads) or refuse it, for good.</summary>
public abstract record MediaInspection
{
    public sealed record Keep(StoredMedia Media, byte[]? View) : MediaInspection;

    public sealed record Refuse(string Reason) : MediaInspection;
}
