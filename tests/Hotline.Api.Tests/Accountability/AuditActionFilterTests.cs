using System.Reflection;
using System.Text.RegularExpressions;
using Hotline.Api.Tests.Deployment;

namespace Hotline.Api.Tests.Accountability;

/// <summary>The audit page's action filter offers every action the trail records, and nothing else.</summary>
public sealed partial class AuditActionFilterTests
{
    [Fact]
    public void The_audit_page_offers_every_action_code_in_its_order()
    {
        var script = File.ReadAllText(Path.Combine(PublishedImage.RepositoryRoot, "Hotline.Console", "wwwroot", "js", "audit.js"));
        var list = ActionList().Match(script);
        Assert.True(list.Success, "audit.js has no ACTIONS list.");
        var offered = Quoted().Matches(list.Groups["items"].Value).Select(m => m.Groups["code"].Value).ToList();

        var recorded = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(recorded, offered);
    }

    [GeneratedRegex(@"const ACTIONS = \[(?<items>[^\]]*)\]")]
    private static partial Regex ActionList();

    [GeneratedRegex("\"(?<code>[^\"]+)\"")]
    private static partial Regex Quoted();
}
