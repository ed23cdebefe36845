using Microsoft.AspNetCore.Http.HttpResults;

namespace Hotline.Api.Tests.Outcomes;

/// <summary>One refusal type, mapped once to HTTP and once to the hub's answer.</summary>
public sealed class OutcomeMappingsTests
{
    [Fact]
    public void Refusals_map_to_404_403_400_and_409()
    {
        Assert.Equal([404, 403, 400, 409],
            new[] { Refusal.NotFound, Refusal.Forbidden, Refusal.Invalid, Refusal.Conflict }.Select(OutcomeMappings.StatusCode));
    }

    [Fact]
    public void A_refusal_over_HTTP_is_a_problem_with_its_status_and_sentence()
    {
        var result = Outcome<string>.Refused(Refusal.Conflict, "The referral was already sent.").ToHttp().Result;

        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal((409, "The referral was already sent."), (problem.StatusCode, problem.ProblemDetails.Detail));
    }

    [Fact]
    public void A_refusal_reaches_the_hub_as_its_sentence()
    {
        Assert.Equal(new ActionAnswer<int>(false, "Your claim on this case has ended.", 0),
            Outcome<int>.Refused(Refusal.Conflict, "Your claim on this case has ended.").ToAnswer());
    }

    [Fact]
    public void A_value_reaches_the_hub_as_done()
    {
        Assert.Equal(new ActionAnswer<int>(true, null, 7), Outcome<int>.Done(7).ToAnswer());
    }
}
