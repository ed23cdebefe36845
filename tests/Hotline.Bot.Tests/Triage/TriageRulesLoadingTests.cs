namespace Hotline.Bot.Tests.Triage;

public sealed class TriageRulesLoadingTests
{
    private const string FileName = "test-rules.json";

    private const string Valid = """
        { "version": 1,
          "bands": [ { "band": "Critical", "min_score": 80 }, { "band": "High", "min_score": 45 },
                     { "band": "Medium", "min_score": 15 }, { "band": "Low", "min_score": 0 } ],
          "rules": [
            { "reason": "documents_retained", "step": "documents", "answer": "yes", "indicators": ["retention_of_identity_documents"], "points": 20 },
            { "reason": "debt_to_employer", "step": "debt", "answer": "yes", "indicators": ["debt_bondage"], "points": 20 },
            { "reason": "dependent_on_employer", "when_all": ["documents_retained", "debt_to_employer"], "indicators": ["abuse_of_vulnerability"], "points": 15 }
          ] }
        """;

    [Fact]
    public void A_valid_table_loads()
    {
        Assert.Equal(3, Load(JsonNode.Parse(Valid)!).Rules.Count);
    }

    [Fact]
    public void An_unknown_indicator_refuses_to_load()
    {
        var error = Refused(t => t["rules"]![0]!["indicators"] = new JsonArray("passport_theft"));

        Assert.Contains("rule 'documents_retained': 'passport_theft' is not an ILO indicator code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_combination_of_a_later_reason_refuses_to_load()
    {
        var error = Refused(t =>
        {
            var rules = t["rules"]!.AsArray();
            var combination = rules[2]!;
            rules.RemoveAt(2);
            rules.Insert(0, combination);
        });

        Assert.Contains("rule 'dependent_on_employer': when_all names 'documents_retained', which is not an earlier rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bands_out_of_order_refuse_to_load()
    {
        var error = Refused(t => t["bands"]![1]!["min_score"] = 90);

        Assert.Contains("fall strictly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_rows_refuse_to_load_rather_than_crash()
    {
        var error = Refused(t =>
        {
            t["bands"]!.AsArray().Add(null);
            t["rules"] = new JsonArray(null, null);
        });

        Assert.Contains("no rules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_refuses_to_load()
    {
        var error = Refused(t => t["rules"]![0]!["point"] = 5);

        Assert.Contains("point", error.Message, StringComparison.Ordinal);
    }

    private static TriageRulesException Refused(Action<JsonNode> breakIt)
    {
        var table = JsonNode.Parse(Valid)!;
        breakIt(table);
        var error = Assert.Throws<TriageRulesException>(() => Load(table));
        Assert.StartsWith(FileName, error.Message, StringComparison.Ordinal);
        return error;
    }

    private static TriageRules Load(JsonNode table) =>
        TriageRules.Load(new MemoryStream(Encoding.UTF8.GetBytes(table.ToJsonString())), FileName);
}
