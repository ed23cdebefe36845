using System.ComponentModel.DataAnnotations;

namespace Hotline.Api.Health;

public sealed class HealthOptions
{
    public const string Section = "Hotline:Health";

    /// <summary>
    /// How many failed passes in a row make a background loop count as stalled and the instance unready. Its
    /// pauses double from 1 s, so the default 5 is about 30 s of failing: past a blip, before a backlog grows.
    /// </summary>
    [Range(1, 1000)]
    public int LoopFailuresBeforeUnready { get; set; } = 5;
}
