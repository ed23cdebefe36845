using StackExchange.Redis;
using Hotline.Api.Health;
using Twilio.Exceptions;

namespace Hotline.Api.Hosting;

/// <summary>
/// The one failure policy of every background loop (the outbox dispatcher, the case-event stream, the
/// statistics projection and each <see cref="PeriodicJob"/>). A pass that throws is logged without
/// personal data, and the loop pauses, longer after each failure in a row, then goes on: one unreadable row
/// or a third party that fails (Twilio, the Bot Connector, the login service, Redis) must never stop the
/// host, because a stopped host refuses every webhook and Twilio does not retry them. Only the host's own
/// stopping ends a loop.
/// </summary>
/// <remarks>Each outcome is reported to <paramref name="watch"/>, which readiness and the metrics read; only unit tests run without one.</remarks>
public sealed class GuardedPass(string passName, ILogger logger, TimeProvider time, LoopWatch? watch = null)
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(1);

    private int _failuresInARow;

    /// <summary>The failures in a row that were not a third party's outage: what readiness counts.</summary>
    private int _ownFailuresInARow;

    /// <summary>Failures since the last pass that succeeded; 0 when the last one did.</summary>
    public int FailuresInARow => _failuresInARow;

    /// <summary>
    /// Runs one pass; true when it succeeded. After a failure it has already paused (1 s, doubling up to a
    /// minute) when it returns false, so a loop that calls it again does not spin.
    /// </summary>
    public async Task<bool> RunAsync(Func<CancellationToken, Task> pass, CancellationToken stoppingToken)
    {
        try
        {
            await pass(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var failures = ++_failuresInARow;
            var pause = Pause(failures);
            // A third party down fails the same pass on every instance: counting it would take them all out of
            // readiness, and the webhooks with them, for an outage the hotline is built to ride out.
            watch?.Failed(passName, IsThirdPartyOutage(ex) ? _ownFailuresInARow : ++_ownFailuresInARow);
            if (IsExpected(ex))
            {
                logger.LogWarning("{Pass} failed ({Error}); failure {Failures} in a row, trying again in {Pause} s.",
                    passName, Describe(ex), failures, pause.TotalSeconds);
            }
            else
            {
                // A bug, not an outage: its message may quote the data it choked on, so only where it happened is logged.
                logger.LogError("{Pass} failed unexpectedly with {ExceptionType}; failure {Failures} in a row, trying again in {Pause} s. {StackTrace}",
                    passName, ex.GetType().FullName, failures, pause.TotalSeconds, ex.StackTrace);
            }

            await Task.Delay(pause, time, stoppingToken);
            return false;
        }

        watch?.Succeeded(passName);
        _ownFailuresInARow = 0;
        if (_failuresInARow > 0)
        {
            _failuresInARow = 0;
            logger.LogInformation("{Pass} succeeded again.", passName);
        }

        return true;
    }

    private static TimeSpan Pause(int failuresInARow) =>
        TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, FirstPause.Ticks << Math.Min(failuresInARow - 1, 16)));

    /// <summary>
    /// An expected failure in words that carry no personal data: Twilio's answer by status and code only (its
    /// text can quote a phone number), the others by their message, which names the failure.
    /// </summary>
    public static string Describe(Exception exception) => exception switch
    {
        ApiException twilio => Twilio.TwilioErrors.Describe(twilio),
        // Its message can quote the value it could not convert.
        Newtonsoft.Json.JsonException json => $"Twilio's answer could not be read ({json.GetType().Name})",
        _ => exception.Message,
    };

    /// <summary>A provider outside the hotline failing or not answering (Twilio, the Bot Connector, its login service, Redis).</summary>
    /// <remarks>
    /// Newtonsoft's <c>JsonException</c> is the Twilio SDK's (the hotline's own JSON is System.Text.Json): a list it could not
    /// read. Redis's timeout is a <see cref="TimeoutException"/>, not a <see cref="RedisException"/>; an HTTP client's is a
    /// <see cref="TaskCanceledException"/> around one.
    /// </remarks>
    public static bool IsThirdPartyOutage(Exception exception) => exception is HttpRequestException or ApiException or ApiConnectionException
        or RedisException or RedisTimeoutException or BotConnector.BotTokenException or Newtonsoft.Json.JsonException
        || exception is TaskCanceledException { InnerException: TimeoutException };

    /// <summary>
    /// The failures an outage causes: a database, a provider or Redis not answering. Their messages name the
    /// failure, never a person's data, so they are logged whole (but for the SDK's JSON reader's: see <see cref="Describe"/>).
    /// </summary>
    public static bool IsExpected(Exception exception) => exception is DbException or TimeoutException || IsThirdPartyOutage(exception);
}
