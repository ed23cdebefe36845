using System.Security.Cryptography;
using System.Text.Json;

namespace Hotline.Api.Privacy;

/// <summary>
/// Lets a fresh clone start in Development with no setup: keys are made once, kept in App_Data (which
/// git ignores) and reused on every later start, so the local database stays readable. Outside
/// Development a missing key stops the start instead.
/// </summary>
public static class DevelopmentPrivacyKeys
{
    public static void AddDevelopmentPrivacyKeys(this IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()
            || !string.IsNullOrEmpty(builder.Configuration[$"{PrivacyOptions.Section}:CurrentKeyId"]))
        {
            return;
        }

        var path = Path.Combine(builder.Environment.ContentRootPath, "App_Data", "privacy-keys.development.json");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var keys = new
            {
                Hotline = new
                {
                    Privacy = new
                    {
                        CurrentKeyId = "dev1",
                        Keys = new Dictionary<string, string> { ["dev1"] = NewKey() },
                        LookupKey = NewKey(),
                    },
                },
            };
            File.WriteAllText(path, JsonSerializer.Serialize(keys));
        }

        builder.Configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
