namespace Hotline.Api.SimCards;

public sealed class SimRegistryOptions
{
    public const string Section = "Hotline:Sims";

    /// <summary>The region (ISO 3166 code, e.g. NP, AE) for numbers written without a country code.</summary>
    public string? DefaultRegion { get; set; }
}
