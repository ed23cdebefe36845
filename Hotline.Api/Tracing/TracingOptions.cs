namespace Hotline.Api.Tracing;

public sealed class TracingOptions
{
    public const string Section = "Hotline:Tracing";

    /// <summary>
    /// Where spans are exported with OTLP (a collector, Jaeger, Tempo: <c>http://collector:4317</c>); none by default,
    /// and then no span is exported at all.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }
}
