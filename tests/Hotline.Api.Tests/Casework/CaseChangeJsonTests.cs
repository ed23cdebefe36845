namespace Hotline.Api.Tests.Casework;

/// <summary>The compact wire form of a pushed case change, which every console of a language receives.</summary>
public sealed class CaseChangeJsonTests
{
    private static readonly Guid CaseId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly Guid Amina = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static readonly DateTimeOffset QueuedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_795_830_303_123);

    private static readonly JsonSerializerOptions HubJson = HubOptions();

    private static JsonSerializerOptions HubOptions()
    {
        // As SignalR's JSON hub protocol sets its payload options before the API adds its own.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        CaseChangeJson.Configure(options);
        return options;
    }

    private static CaseSummary Queued() => new(CaseId, "Queued", "High", 30, ["threats"], "ne", "sms", QueuedAt,
        null, null, "Open", null, 2);

    [Fact]
    public void A_change_is_written_as_its_fields_in_the_documented_order()
    {
        var json = JsonSerializer.Serialize(new CaseChange(40_213, "CaseQueued", Queued()), HubJson);

        Assert.Equal("""[40213,"CaseQueued","0f8fad5b-d9cb-469f-a165-70867728950e",2,"Queued","High",30,"ne","sms",1795830303123,["threats"],"Open"]""", json);
    }

    [Fact]
    public void A_null_before_a_written_field_keeps_its_place()
    {
        var optedOut = Queued() with { ConversationStatus = "OptedOut", ConversationStatusReason = "STOP" };

        var json = JsonSerializer.Serialize(new CaseChange(7, "CaseUpdated", optedOut), HubJson);

        Assert.EndsWith("""["threats"],"OptedOut",null,null,"STOP"]""", json);
    }

    [Fact]
    public void A_returning_persons_earlier_cases_come_last_after_the_nulls_before_them_intake_progress_included()
    {
        var returning = Queued() with { EarlierCases = 2 };

        var json = JsonSerializer.Serialize(new CaseChange(8, "CaseQueued", returning), HubJson);

        Assert.EndsWith("""["threats"],"Open",null,null,null,null,null,2]""", json);
        Assert.Equal(2, JsonSerializer.Deserialize<CaseChange>(json, HubJson)!.Case.EarlierCases);
    }

    [Fact]
    public void A_returning_person_still_in_intake_carries_the_question_and_the_earlier_cases()
    {
        var returning = Queued() with { IntakeQuestion = 2, IntakeQuestions = 10, EarlierCases = 1 };

        var json = JsonSerializer.Serialize(new CaseChange(9, "CaseUpdated", returning), HubJson);

        Assert.EndsWith("""["threats"],"Open",null,null,null,2,10,1]""", json);
        var read = JsonSerializer.Deserialize<CaseChange>(json, HubJson)!.Case;
        Assert.Equal((2, 10, 1), (read.IntakeQuestion, read.IntakeQuestions, read.EarlierCases));
    }

    [Fact]
    public void A_claimed_change_reads_back_as_the_change_that_was_written()
    {
        var claimed = Queued() with { Status = "Claimed", AssigneeId = Amina, AssigneeName = "Amina", Version = 3 };
        var written = new CaseChange(41_000, "CaseClaimed", claimed);

        var read = JsonSerializer.Deserialize<CaseChange>(JsonSerializer.Serialize(written, HubJson), HubJson)!;

        Assert.Equal((written.Sequence, written.Type), (read.Sequence, read.Type));
        Assert.Equal(claimed with { Reasons = read.Case.Reasons }, read.Case);
        Assert.Equal(claimed.Reasons, read.Case.Reasons);
    }

    [Fact]
    public void A_queued_change_takes_under_150_bytes_so_a_push_of_25_fits_one_4_KB_frame()
    {
        var change = new CaseChange(1_234_567, "CaseQueued", Queued() with { Reasons = ["asked-for-a-person"] });

        var bytes = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(change, HubJson));

        Assert.InRange(bytes, 1, 149);
    }

    [Fact]
    public void Other_hub_payloads_leave_out_their_null_fields()
    {
        var json = JsonSerializer.Serialize(new MessageStatusNotice(5, CaseId, Amina, "sent", null), HubJson);

        Assert.DoesNotContain("error", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_with_too_few_fields_is_refused_with_how_many_it_had()
    {
        var refused = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseChange>("""[1,"CaseQueued"]""", HubJson));

        Assert.Contains("this one has 2", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_answered_before_carries_the_last_reply_the_persons_new_message_and_the_referral_last()
    {
        var answered = Queued() with
        {
            AnsweredAt = DateTimeOffset.FromUnixTimeMilliseconds(1_795_830_400_000),
            UnansweredSince = DateTimeOffset.FromUnixTimeMilliseconds(1_795_830_900_000),
            Referral = "completed",
        };

        var json = JsonSerializer.Serialize(new CaseChange(10, "MessageReceived", answered), HubJson);

        Assert.EndsWith("""["threats"],"Open",null,null,null,null,null,0,1795830400000,1795830900000,"completed"]""", json);
        var read = JsonSerializer.Deserialize<CaseChange>(json, HubJson)!.Case;
        Assert.Equal((answered.AnsweredAt, answered.UnansweredSince, "completed"), (read.AnsweredAt, read.UnansweredSince, read.Referral));
    }

    /// <summary>The console orders a person in danger right now before the other Critical cases, as "Take next case" does.</summary>
    [Fact]
    public void A_person_in_danger_now_is_marked_true_last_after_the_nulls_before_it()
    {
        var inDanger = Queued() with { Priority = "Critical", Reasons = ["immediate_danger"], InDangerNow = true };

        var json = JsonSerializer.Serialize(new CaseChange(11, "CaseQueued", inDanger), HubJson);

        Assert.EndsWith("""["immediate_danger"],"Open",null,null,null,null,null,0,null,null,null,true]""", json);
        Assert.True(JsonSerializer.Deserialize<CaseChange>(json, HubJson)!.Case.InDangerNow);
    }

    [Fact]
    public void A_person_not_in_danger_now_reads_back_as_not_in_danger()
    {
        var json = JsonSerializer.Serialize(new CaseChange(12, "CaseQueued", Queued() with { Referral = "sent" }), HubJson);

        Assert.EndsWith(""","sent"]""", json);
        Assert.False(JsonSerializer.Deserialize<CaseChange>(json, HubJson)!.Case.InDangerNow);
    }

    /// <summary>
    /// A WhatsApp case with no re-engagement template configured carries when its window closes, last: the console's "Your cases"
    /// stops saying "Waiting for your reply" to a person no reply can reach then.
    /// </summary>
    [Fact]
    public void A_window_closing_with_no_template_comes_last_after_the_nulls_before_it_and_reads_back()
    {
        var closes = DateTimeOffset.FromUnixTimeMilliseconds(1_795_916_703_123);
        var whatsApp = Queued() with { Channel = "WhatsApp", RepliesRefusedFrom = closes };

        var json = JsonSerializer.Serialize(new CaseChange(13, "CaseQueued", whatsApp), HubJson);

        Assert.EndsWith(""","WhatsApp",1795830303123,["threats"],"Open",null,null,null,null,null,0,null,null,null,false,1795916703123]""", json);
        var read = JsonSerializer.Deserialize<CaseChange>(json, HubJson)!.Case;
        Assert.Equal(closes, read.RepliesRefusedFrom);
        Assert.False(read.InDangerNow);
    }
}
