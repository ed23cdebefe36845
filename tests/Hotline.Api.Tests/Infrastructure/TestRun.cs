namespace Hotline.Api.Tests.Infrastructure;

/// <summary>The running test's own cancellation token, imported statically in every test file (see the project file).</summary>
public static class TestRun
{
    /// <summary>Cancelled when the test is (its timeout, or the run stopped).</summary>
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
