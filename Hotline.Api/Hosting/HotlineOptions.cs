namespace Hotline.Api.Hosting;

public sealed class HotlineOptions
{
    public const string Section = "Hotline";

    /// <summary>
    /// The address Twilio and Bot Framework call. Webhook signatures are checked against URLs built from
    /// it, never from the request's Host or X-Forwarded-* headers, which a caller controls.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public Uri PublicBase => new(PublicBaseUrl!.TrimEnd('/') + "/");

    public string PublicUrl(string path) => PublicBaseUrl!.TrimEnd('/') + path;
}

internal sealed class HotlineOptionsValidator(IHostEnvironment environment) : IValidateOptions<HotlineOptions>
{
    public ValidateOptionsResult Validate(string? name, HotlineOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Fail($"{HotlineOptions.Section}:PublicBaseUrl is required (appsettings.Development.json sets it for local use).")
                : ValidateOptionsResult.Fail($"{HotlineOptions.Section}:PublicBaseUrl is required outside Development.");
        }

        return Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
                && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{HotlineOptions.Section}:PublicBaseUrl must be an absolute http(s) URL without query or fragment.");
    }
}
