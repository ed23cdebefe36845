namespace Hotline.Bot.Triage;

/// <summary>How urgently a case must reach a caseworker. The numeric value is the queue's sort key: higher first.</summary>
public enum PriorityBand
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
