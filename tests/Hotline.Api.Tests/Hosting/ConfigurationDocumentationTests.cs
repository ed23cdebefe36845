using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Hotline.Api.Tests.Hosting;

/// <summary>
/// docs/configuration.md lists every key the code reads. The keys are found from the host itself: every
/// options class that <see cref="HotlineServices.AddHotline"/> binds to configuration, its section and its
/// settable properties; and the few keys read directly, which reflection cannot see, are written out here
/// and checked against the source.
/// </summary>
public sealed partial class ConfigurationDocumentationTests
{
    // Read as configuration["..."] before any options class is bound (deciding what to register, or whether a
    // development secret is needed). Every file that reads configuration directly, with its number of reads.
    private static readonly Dictionary<string, int> DirectReadsBySourceFile = new()
    {
        ["Hotline.Api/Hosting/DevelopmentSecrets.cs"] = 2,
        ["Hotline.Api/Hosting/SecretFiles.cs"] = 1,
        ["Hotline.Api/Twilio/TwilioServices.cs"] = 2,
    };

    // The keys those reads name: the privacy key id, the development secrets (Hotline:Privacy:*, Twilio:AuthToken),
    // Twilio's switch and account that decide between Twilio, the local sink and no sending, the folder of secret
    // files read before the rest.
    private static readonly string[] DirectlyReadKeys =
    [
        "Hotline:Privacy:CurrentKeyId", "Hotline:Privacy:Keys:{id}", "Hotline:Privacy:LookupKey", "Twilio:AuthToken", "Twilio:AccountSid",
        "Twilio:Enabled", "Hotline:SecretsDirectory",
    ];

    // Written out so that a discovery that finds nothing cannot pass: these sections must be among those found.
    private static readonly string[] KnownSections =
    [
        "Hotline", "Hotline:Database", "Hotline:Privacy", "Hotline:Queue", "Hotline:Outbox", "Hotline:Redis", "Hotline:Retention",
        "Hotline:Auth", "Hotline:Intake", "Hotline:Sims", "Hotline:Audit", "Twilio", "Bot",
    ];

    [Fact]
    public void The_host_binds_an_options_class_to_every_known_section()
    {
        var sections = BoundOptionsTypes().Select(SectionOf).ToList();

        Assert.All(KnownSections, section => Assert.Contains(section, sections));
    }

    [Fact]
    public void Every_key_of_every_options_class_the_host_binds_is_in_the_configuration_page()
    {
        var page = ConfigurationPage();
        var keys = BoundOptionsTypes().SelectMany(type => KeysOf(type, SectionOf(type))).ToList();

        var undocumented = keys.Where(key => !page.Contains($"`{key}`", StringComparison.Ordinal)).ToList();

        Assert.Contains("Twilio:Reconciliation:LookbackMinutes", keys);
        Assert.Empty(undocumented);
    }

    [Fact]
    public void Every_key_read_directly_from_configuration_is_in_the_configuration_page()
    {
        var page = ConfigurationPage();
        var undocumented = DirectlyReadKeys.Where(key => !page.Contains($"`{key}`", StringComparison.Ordinal)).ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void The_direct_configuration_reads_in_the_source_are_the_ones_listed_here()
    {
        var root = RepositoryRoot();
        var found = new[] { "Hotline.Api", "Hotline.Bot" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(file => (File: Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'), Reads: DirectRead().Count(File.ReadAllText(file))))
            .Where(file => file.Reads > 0)
            .ToDictionary(file => file.File, file => file.Reads);

        // A new read: add its key to DirectlyReadKeys, and to docs/configuration.md.
        Assert.Equal(DirectReadsBySourceFile.OrderBy(f => f.Key, StringComparer.Ordinal), found.OrderBy(f => f.Key, StringComparer.Ordinal));
    }

    /// <summary>Options classes of the product bound to configuration: BindConfiguration registers a change-token source for each.</summary>
    private static List<Type> BoundOptionsTypes()
    {
        var services = new ServiceCollection();
        services.AddHotline(new ConfigurationBuilder().Build());
        return services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(type => type.Assembly == typeof(HotlineOptions).Assembly)
            .Distinct()
            .ToList();
    }

    private static string SectionOf(Type optionsType) =>
        optionsType.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string
        ?? throw new InvalidOperationException($"{optionsType.Name} is bound to configuration but has no public const string Section naming where.");

    /// <summary>The keys the configuration binder fills: public settable properties, nested option classes by their own keys, dictionaries as {id}.</summary>
    private static IEnumerable<string> KeysOf(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                yield return $"{key}:{{id}}";
            }
            else if (propertyType.IsClass && propertyType != typeof(string) && propertyType.Assembly == type.Assembly)
            {
                foreach (var nested in KeysOf(propertyType, key))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return key;
            }
        }
    }

    private static string ConfigurationPage() => File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "configuration.md"));

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Hotline.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"No Hotline.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"[Cc]onfiguration\[")]
    private static partial Regex DirectRead();
}
