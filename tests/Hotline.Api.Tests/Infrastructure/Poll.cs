namespace Hotline.Api.Tests.Infrastructure;

/// <summary>Waiting for something a background job or another process does: the condition is asked again every 20 ms.</summary>
public static class Poll
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails the test, naming <paramref name="what"/>, after <paramref name="limit"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {limit.TotalSeconds:0} s for {what}.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan limit) =>
        UntilAsync(() => Task.FromResult(condition()), what, limit);
}
